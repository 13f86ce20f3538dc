using System.Collections.Immutable;

namespace EksAccess.Core.Desired;

/// <summary>
/// Every IAM policy document the config implies, generated once (<see cref="IamPolicyRenderer.Generate"/>) so the iam,
/// aws-cli and terraform renderers all write the same documents. Order: trust policies in iam.roles order; inline
/// policies for users, then roles, then groups (config order), each entity's written policies before the generated ones.
/// </summary>
public sealed record IamPolicies(ImmutableArray<IamRoleTrustPolicy> TrustPolicies, ImmutableArray<IamInlinePolicy> InlinePolicies);
