using System.Collections.Immutable;
using EksAccess.Core.Text;

namespace EksAccess.Core.Expiry;

/// <summary>
/// What revocation cannot take back (docs/reference/audit-migration-risk-facts.md §5): EKS tokens minted before the prune
/// stay valid for up to 15 minutes, and objects created during the grant persist.
/// </summary>
public static class PruneResidue
{
    /// <summary>How long an EKS bearer token is accepted after it is minted (aws-iam-authenticator: 15 minutes).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>One note per principal that lost its entry or an association: its tokens work until now + 15 minutes.</summary>
    public static ImmutableArray<ResidueItem> TokenNotes(ImmutableArray<PruneItem> pruned, DateTimeOffset now) =>
    [
        .. (pruned.IsDefault ? [] : pruned)
            .Where(p => !p.What.StartsWith("expiry record", StringComparison.Ordinal))
            .Select(p => p.PrincipalArn)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(arn => new ResidueItem(arn, "tokens", $"tokens minted before the prune stay valid until {Rfc3339.Format(now + TokenLifetime)}; the IAM session itself stays valid", now + TokenLifetime)),
    ];
}
