using System.Collections.Immutable;

namespace EksAccess.Core.Revocation;

/// <summary>
/// What IAM says about a user, for revoke: its groups with their inline policies, its own inline policies, and its
/// access keys. Empty for a role (a role has no groups or keys).
/// </summary>
public sealed record IamPrincipalFacts
{
    public static IamPrincipalFacts None { get; } = new();

    public ImmutableArray<IamGroupFacts> Groups { get; init; } = [];

    public ImmutableArray<IamPolicyFacts> InlinePolicies { get; init; } = [];

    public ImmutableArray<AccessKeyFacts> AccessKeys { get; init; } = [];
}
