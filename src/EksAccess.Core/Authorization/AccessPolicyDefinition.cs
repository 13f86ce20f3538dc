using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>
/// An EKS access policy (arn:PARTITION:eks::aws:cluster-access-policy/NAME) and its rules, as AWS documents them.
/// <see cref="RulesPublished"/> is false where AWS has not published the rules: such a policy grants nothing offline.
/// </summary>
public sealed record AccessPolicyDefinition(
    string Name,
    bool CustomerAssociable,
    bool RulesPublished,
    ImmutableArray<PolicyRule> Rules)
{
    public const string ArnPrefixFormat = "arn:{0}:eks::aws:cluster-access-policy/";

    public string ArnFor(string partition) => $"arn:{partition}:eks::aws:cluster-access-policy/{Name}";
}
