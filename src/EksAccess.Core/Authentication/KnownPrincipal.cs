namespace EksAccess.Core.Authentication;

/// <summary>
/// A principal the snapshot names (an access entry, an aws-auth mapRoles/mapUsers entry, or a mapAccounts account as
/// the wildcard "any IAM principal of account A"), with what it resolves to under the cluster's authentication mode.
/// <see cref="Resolution"/> is what the principal really becomes (which may come from another mapping when this one
/// is shadowed); role sessions are resolved with an unknown session name, so session placeholders stay visible.
/// </summary>
public sealed record KnownPrincipal(
    string Principal,
    KnownPrincipalSource Source,
    string DescribedAs,
    KnownPrincipalStatus Status,
    string? StatusReason,
    IdentityResolution Resolution)
{
    /// <summary>The account of a mapAccounts wildcard; null for a single principal.</summary>
    public string? WildcardAccountId { get; init; }

    public bool IsWildcard => WildcardAccountId is not null;
}
