using System.Collections.Immutable;

namespace EksAccess.Core.Risks;

/// <summary>
/// What the analysis may know beyond the snapshot. <see cref="AssumedBy"/>: role ARN → the IAM groups (and their
/// members) allowed to assume it (from the access config, or IAM when live). <see cref="DeclaredAdmins"/>: principals
/// the config names under <c>admins:</c> — meant to be admins, so their admin findings are reported at low.
/// <see cref="SeenInAudit"/>: usernames and principal ARNs the audit log shows (null: no log given).
/// </summary>
public sealed record RiskOptions
{
    public static RiskOptions Default { get; } = new();

    public ImmutableDictionary<string, ImmutableArray<string>> AssumedBy { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    public ImmutableHashSet<string> DeclaredAdmins { get; init; } = [];

    public ImmutableHashSet<string>? SeenInAudit { get; init; }

    /// <summary>cluster.accessConfig.bootstrapClusterCreatorAdminPermissions when known (live or config); null: unknown.</summary>
    public bool? BootstrapCreatorAdmin { get; init; }

    /// <summary>Principal ARNs whose IAM principal no longer exists or was re-created (live); null: not checked.</summary>
    public ImmutableDictionary<string, string>? OrphanedPrincipals { get; init; }
}
