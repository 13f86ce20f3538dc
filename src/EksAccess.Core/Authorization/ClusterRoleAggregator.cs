using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>
/// The clusterrole-aggregation controller (pkg/controller/clusterroleaggregation), run to a fixed point.
/// For a ClusterRole with an aggregationRule: for each clusterRoleSelector in order, every OTHER ClusterRole whose
/// labels match, in ascending ordinal name order, contributes each of its rules unless an identical rule is already
/// present; the result REPLACES the role's rules. Roles without an aggregationRule are returned unchanged.
/// </summary>
public static class ClusterRoleAggregator
{
    private const string InOperator = "In";
    private const string NotInOperator = "NotIn";
    private const string ExistsOperator = "Exists";
    private const string DoesNotExistOperator = "DoesNotExist";

    /// <summary>
    /// Fills every aggregated role. The real controller re-queues all aggregated roles on any ClusterRole change, so
    /// chains (view → edit → admin) converge; here the aggregated roles are synced in ascending name order, each sync
    /// seeing the previous ones' results, until nothing changes. Cycles (A selects B, B selects A) terminate: a real
    /// cluster's result then depends on queue order, and this model's answer is the one that ascending-name syncing
    /// reaches (capped at roles + 2 passes). The input order of the roles is kept.
    /// See docs/decisions/authz-aggregation-fixed-point.md.
    /// </summary>
    public static ImmutableArray<ClusterRole> Aggregate(IReadOnlyList<ClusterRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var current = roles.ToArray();
        var aggregatedIndexes = Enumerable.Range(0, current.Length)
            .Where(i => current[i].AggregationRule is not null)
            .OrderBy(i => current[i].Name, StringComparer.Ordinal)
            .ThenBy(i => i)
            .ToArray();
        if (aggregatedIndexes.Length == 0)
        {
            return [.. current];
        }

        // Candidate sources per sync: all roles in ascending ordinal name order (stable for duplicate names).
        var byName = Enumerable.Range(0, current.Length)
            .OrderBy(i => current[i].Name, StringComparer.Ordinal)
            .ThenBy(i => i)
            .ToArray();

        var maxPasses = aggregatedIndexes.Length + 2;
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var changed = false;
            foreach (var index in aggregatedIndexes)
            {
                var role = current[index];
                if (!TrySync(role, current, byName, out var rules))
                {
                    continue;
                }

                if (!SameRules(rules, role.Rules))
                {
                    current[index] = role with { Rules = rules };
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return [.. current];
    }

    /// <summary>
    /// Full label-selector semantics (metav1.LabelSelectorAsSelector): every matchLabels pair must be present with that
    /// value, and every matchExpressions requirement must hold (In, NotIn, Exists, DoesNotExist). An empty selector
    /// matches everything. Returns false for an invalid selector (unknown operator, In/NotIn without values,
    /// Exists/DoesNotExist with values) — see <see cref="IsValid"/>.
    /// </summary>
    public static bool SelectorMatches(LabelSelector selector, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(labels);
        if (!IsValid(selector))
        {
            return false;
        }

        if (selector.MatchLabels is { } matchLabels)
        {
            foreach (var (key, value) in matchLabels)
            {
                if (!labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        if (!selector.MatchExpressions.IsDefault)
        {
            foreach (var requirement in selector.MatchExpressions)
            {
                var has = labels.TryGetValue(requirement.Key, out var actual);
                var matches = requirement.Operator switch
                {
                    InOperator => has && ContainsValue(requirement.Values, actual!),
                    NotInOperator => !has || !ContainsValue(requirement.Values, actual!),
                    ExistsOperator => has,
                    DoesNotExistOperator => !has,
                    _ => false,
                };
                if (!matches)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Whether apimachinery would accept the selector. The controller returns an error for an invalid selector and
    /// leaves the aggregated role's rules as they were; this model does the same.
    /// </summary>
    public static bool IsValid(LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (selector.MatchExpressions.IsDefault)
        {
            return true;
        }

        foreach (var requirement in selector.MatchExpressions)
        {
            var valueCount = requirement.Values.IsDefault ? 0 : requirement.Values.Length;
            var valid = requirement.Operator switch
            {
                InOperator or NotInOperator => valueCount > 0,
                ExistsOperator or DoesNotExistOperator => valueCount == 0,
                _ => false,
            };
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TrySync(ClusterRole role, ClusterRole[] all, int[] byName, out ImmutableArray<PolicyRule> rules)
    {
        var selectors = role.AggregationRule!.ClusterRoleSelectors;
        var result = ImmutableArray.CreateBuilder<PolicyRule>();
        var seen = new HashSet<PolicyRule>(PolicyRuleComparer.Instance);
        if (!selectors.IsDefault)
        {
            foreach (var selector in selectors)
            {
                if (selector is null || !IsValid(selector))
                {
                    // A nil selector selects nothing; an invalid one makes the controller give up on this role.
                    if (selector is null)
                    {
                        continue;
                    }

                    rules = default;
                    return false;
                }

                foreach (var index in byName)
                {
                    var candidate = all[index];
                    if (string.Equals(candidate.Name, role.Name, StringComparison.Ordinal) || !SelectorMatches(selector, candidate.Labels))
                    {
                        continue;
                    }

                    if (candidate.Rules.IsDefault)
                    {
                        continue;
                    }

                    foreach (var rule in candidate.Rules)
                    {
                        if (seen.Add(rule))
                        {
                            result.Add(rule);
                        }
                    }
                }
            }
        }

        rules = result.ToImmutable();
        return true;
    }

    private static bool SameRules(ImmutableArray<PolicyRule> a, ImmutableArray<PolicyRule> b)
    {
        var left = a.IsDefault ? [] : a;
        var right = b.IsDefault ? [] : b;
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!PolicyRuleComparer.Instance.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsValue(ImmutableArray<string> values, string value) =>
        !values.IsDefault && values.Contains(value, StringComparer.Ordinal);
}
