using System.Collections.Immutable;

namespace EksAccess.Core.Revocation;

/// <summary>An IAM group the user is in, with its inline policies.</summary>
public sealed record IamGroupFacts(string Name, ImmutableArray<IamPolicyFacts> InlinePolicies);
