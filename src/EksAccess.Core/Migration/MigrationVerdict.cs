using System.Collections.Immutable;

namespace EksAccess.Core.Migration;

/// <summary>
/// The decision for one aws-auth mapping: <see cref="Source"/> names it as written (<c>mapRoles[3]</c>),
/// <see cref="PrincipalArn"/> is the principal the entry is for (the real ARN, with its path, when IAM was asked),
/// <see cref="Changes"/> what differs from the mapping, <see cref="Admitted"/> (mapAccounts only) who the logs show it admits.
/// </summary>
public sealed record MigrationVerdict(string Source, string PrincipalArn, MigrationStatus Status, ImmutableArray<string> Changes, string Reason)
{
    /// <summary>The entry migrate creates for this mapping; null when it creates none.</summary>
    public PlannedEntry? Entry { get; init; }

    public ImmutableArray<string> Admitted { get; init; } = [];
}
