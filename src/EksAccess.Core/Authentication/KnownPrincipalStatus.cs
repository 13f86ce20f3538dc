namespace EksAccess.Core.Authentication;

/// <summary>Whether a mapping the snapshot names is the one EKS uses for its principal.</summary>
public enum KnownPrincipalStatus
{
    /// <summary>This mapping decides who the principal becomes.</summary>
    Active,

    /// <summary>Another mapping of the same principal wins (an access entry over aws-auth, a later duplicate, mapRoles over mapUsers).</summary>
    Shadowed,

    /// <summary>The cluster's authentication mode ignores this source (aws-auth in API, access entries in CONFIG_MAP).</summary>
    Inactive,

    /// <summary>No caller can ever match it (a role path in aws-auth, an STS session ARN, a malformed ARN, an sso matcher).</summary>
    NeverMatches,
}
