using System.Collections.Immutable;
using EksAccess.Core.Planning;

namespace EksAccess.Core.Revocation;

/// <summary>
/// What IAM says about a user, for revoke: its groups with their inline policies, its own inline policies, and its
/// access keys. Empty for a role (a role has no groups or keys). Derived from the observed model plan reads
/// (<see cref="ObservedIamUser"/>, <see cref="ObservedIamGroup"/>) with <see cref="From"/>.
/// </summary>
public sealed record IamPrincipalFacts
{
    public static IamPrincipalFacts None { get; } = new();

    public ImmutableArray<IamGroupFacts> Groups { get; init; } = [];

    public ImmutableArray<IamPolicyFacts> InlinePolicies { get; init; } = [];

    public ImmutableArray<AccessKeyFacts> AccessKeys { get; init; } = [];

    /// <summary>The facts of an observed user; <paramref name="groups"/> are the groups it is in, with their policies.</summary>
    public static IamPrincipalFacts From(ObservedIamUser user, IEnumerable<ObservedIamGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(groups);
        var byName = groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        return new IamPrincipalFacts
        {
            Groups = [.. user.Groups.Select(g => new IamGroupFacts(g, byName.TryGetValue(g, out var group) ? Policies(group.InlinePolicies) : []))],
            InlinePolicies = Policies(user.InlinePolicies),
            AccessKeys =
            [
                .. user.AccessKeyIds.Select(id => new AccessKeyFacts(id, user.InactiveAccessKeyIds.Contains(id, StringComparer.Ordinal) ? AccessKeyFacts.Inactive : AccessKeyFacts.Active)),
            ],
        };
    }

    private static ImmutableArray<IamPolicyFacts> Policies(ImmutableSortedDictionary<string, string> policies) =>
        [.. policies.Select(p => new IamPolicyFacts(p.Key, p.Value.Length == 0 ? "{}" : p.Value))];
}
