using System.Collections.Immutable;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Migration;

/// <summary>Who a principal is in one state of the proof: authenticated or not, its username and groups (without system:authenticated), and the mapping that decided.</summary>
public sealed record ProofIdentity(bool Authenticated, string? Username, ImmutableArray<string> Groups, string MatchedBy)
{
    public static ProofIdentity Of(IdentityResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return resolution is IdentityResolution.Mapped mapped
            ? new ProofIdentity(
                true,
                mapped.Username,
                [.. mapped.Groups.Where(g => !string.Equals(g, IdentityResolution.AuthenticatedGroup, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                mapped.MatchedBy)
            : new ProofIdentity(false, null, [], ((IdentityResolution.Rejected)resolution).Reason);
    }
}
