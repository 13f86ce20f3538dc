using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Migration;

/// <summary>
/// Everything migrate decides from: the cluster as it is, the mode to reach, what IAM said about each mapped principal
/// (keyed by the mapping's ARN in lower case; null offline, when the ARNs are taken as written), the principals the
/// audit/authenticator logs show, and the principals whose differences the caller accepts (<c>--accept</c>).
/// </summary>
public sealed record MigrationInput(ClusterSnapshot Snapshot, AuthenticationMode TargetMode)
{
    public IReadOnlyDictionary<string, PrincipalLookup>? Lookups { get; init; }

    public ImmutableArray<string> ObservedPrincipals { get; init; } = [];

    public ImmutableArray<string> Accepted { get; init; } = [];

    /// <summary>The namespaces the matrix asks about; null: the snapshot's, plus default and kube-system.</summary>
    public ImmutableArray<string>? Namespaces { get; init; }
}
