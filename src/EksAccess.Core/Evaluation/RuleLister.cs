using System.Collections.Immutable;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Evaluation;

/// <summary>
/// The rules a subject holds in one namespace, shaped as <c>kubectl auth can-i --list</c> prints them: every rule broken
/// down to one (group, resource, name) or URL, rows that differ only in verbs merged, sorted. Unlike kubectl, the rules
/// of the principal's EKS access policies that apply in the namespace are included (they are real permissions).
/// </summary>
public static class RuleLister
{
    public static ImmutableArray<ListedRule> List(AccessModel model, AuthorizationSubject subject, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(subject);
        var rules = model.Authorizer.Rbac.RulesFor(subject.User, @namespace).Select(g => g.Rule).ToList();
        foreach (var policy in subject.AccessPolicies)
        {
            if (AccessPolicyCatalog.TryGet(policy.PolicyArn, out var definition) && AccessPolicyAuthorizer.ScopeApplies(policy.AccessScope, AccessRequest.ForResource("list", "", "pods", "", "", @namespace)))
            {
                rules.AddRange(definition.Rules);
            }
        }

        // Break down, then merge the verbs of identical (resource, group, name) / URL keys, keeping first-seen verb order.
        var merged = new Dictionary<(string Resource, string Names, string Url), List<string>>();
        foreach (var rule in rules)
        {
            foreach (var key in Breakdown(rule))
            {
                if (!merged.TryGetValue(key, out var verbs))
                {
                    verbs = [];
                    merged[key] = verbs;
                }

                foreach (var verb in rule.Verbs.Where(v => !verbs.Contains(v, StringComparer.Ordinal)))
                {
                    verbs.Add(verb);
                }
            }
        }

        return [.. merged
            .OrderBy(kv => kv.Key.Url.Length == 0 ? 0 : 1)
            .ThenBy(kv => kv.Key.Resource, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Names, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Url, StringComparer.Ordinal)
            .Select(kv => new ListedRule(
                kv.Key.Resource.Length == 0 ? [] : [kv.Key.Resource],
                kv.Key.Url.Length == 0 ? [] : [kv.Key.Url],
                kv.Key.Names.Length == 0 ? [] : [.. kv.Key.Names.Split(' ')],
                [.. kv.Value]))];
    }

    private static IEnumerable<(string Resource, string Names, string Url)> Breakdown(PolicyRule rule)
    {
        var names = string.Join(' ', rule.ResourceNames);
        foreach (var group in rule.ApiGroups)
        {
            foreach (var resource in rule.Resources)
            {
                yield return (group.Length == 0 ? resource : $"{resource}.{group}", names, "");
            }
        }

        foreach (var url in rule.NonResourceUrls)
        {
            yield return ("", "", url);
        }
    }
}
