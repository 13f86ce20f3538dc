




namespace EksAccess.Core.Authentication;

/// <summary>Where a <see cref="KnownPrincipal"/> is named.</summary>
public enum KnownPrincipalSource
{
    AccessEntry,
    AwsAuthMapRoles,
    AwsAuthMapUsers,
    AwsAuthMapAccounts,
}
