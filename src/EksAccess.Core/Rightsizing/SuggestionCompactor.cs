using System.Collections.Immutable;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// Turns the requests a subject needs into rules the way a person writes them, per namespace ("" = cluster-wide):
/// one rule per apiGroup × resource set × verb set (resources merge only when their verb sets are equal, so the rule's
/// cross product is exactly what was used); only observed verbs, never <c>*</c>; <c>resourceNames</c> only where every
/// use of the resource named an object and at most <see cref="MaxNames"/> objects were named (more means names that
/// churn, like pods, and a list that breaks on the next rollout); <c>create</c> never carries names (it is authorized
/// before the object has one). Non-resource URLs become one rule per verb set.
/// </summary>
public static class SuggestionCompactor
{
    public const int MaxNames = 3;

    private static readonly string[] VerbOrder = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];

    /// <summary>
    /// The rules per namespace. <paramref name="allowedToday"/> answers whether the subject's current grants allow a
    /// request: names are dropped only where they already allow every object, so a suggestion never grants more.
    /// </summary>
    public static ImmutableSortedDictionary<string, ImmutableArray<PolicyRule>> Compact(IEnumerable<AccessRequest> requests, Func<AccessRequest, bool> allowedToday)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(allowedToday);
        var resources = new Dictionary<(string Namespace, string Group, string Resource), Use>();
        var paths = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (request.Path is { } path)
            {
                if (!paths.TryGetValue(path, out var verbs))
                {
                    verbs = new SortedSet<string>(StringComparer.Ordinal);
                    paths.Add(path, verbs);
                }

                verbs.Add(request.Verb);
                continue;
            }

            var resource = request.Subresource.Length == 0 ? request.Resource : $"{request.Resource}/{request.Subresource}";
            var key = (request.Namespace, request.ApiGroup, resource);
            if (!resources.TryGetValue(key, out var use))
            {
                use = new Use(request, allowedToday);
                resources.Add(key, use);
            }

            use.Add(request);
        }

        var byNamespace = new SortedDictionary<string, List<PolicyRule>>(StringComparer.Ordinal);
        foreach (var group in resources
            .SelectMany(entry => entry.Value.Split().Select(part => (entry.Key.Namespace, entry.Key.Group, entry.Key.Resource, part.Verbs, part.Names)))
            .GroupBy(x => (x.Namespace, x.Group, Verbs: string.Join(',', x.Verbs), Names: string.Join(',', x.Names)))
            .OrderBy(g => g.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Group, StringComparer.Ordinal)
            .ThenBy(g => g.Min(x => x.Resource), StringComparer.Ordinal)
            .ThenBy(g => g.Key.Verbs, StringComparer.Ordinal))
        {
            var first = group.First();
            var rule = PolicyRule.ForResources([group.Key.Group], group.Select(x => x.Resource).Order(StringComparer.Ordinal), first.Verbs, first.Names);
            RulesOf(byNamespace, group.Key.Namespace).Add(rule);
        }

        foreach (var verbGroup in paths.GroupBy(p => string.Join(',', SortVerbs(p.Value)), StringComparer.Ordinal))
        {
            RulesOf(byNamespace, "").Add(PolicyRule.ForNonResourceUrls(verbGroup.Select(p => p.Key), SortVerbs(verbGroup.First().Value)));
        }

        return byNamespace.ToImmutableSortedDictionary(e => e.Key, e => e.Value.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>Verbs in the order kubectl and the default roles write them, others after, alphabetically.</summary>
    public static ImmutableArray<string> SortVerbs(IEnumerable<string> verbs) =>
        [.. verbs.Distinct(StringComparer.Ordinal).OrderBy(v => Array.IndexOf(VerbOrder, v) is var i and >= 0 ? i : VerbOrder.Length).ThenBy(v => v, StringComparer.Ordinal)];

    private static List<PolicyRule> RulesOf(SortedDictionary<string, List<PolicyRule>> byNamespace, string ns)
    {
        if (!byNamespace.TryGetValue(ns, out var rules))
        {
            rules = [];
            byNamespace.Add(ns, rules);
        }

        return rules;
    }

    /// <summary>
    /// How one resource (in one namespace) was used: its verbs, and whether every use named an object. A create of the
    /// resource itself has no name (<see cref="RightsizeEvidence.RequestOf"/>) and is kept apart; a subresource create
    /// (pods/exec) names its parent object like any other verb.
    /// </summary>
    private sealed class Use(AccessRequest sample, Func<AccessRequest, bool> allowedToday)
    {
        private readonly HashSet<string> _verbs = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _names = new(StringComparer.Ordinal);
        private bool _unnamed;
        private bool _create;

        public void Add(AccessRequest request)
        {
            if (string.Equals(request.Verb, "create", StringComparison.Ordinal) && request.Subresource.Length == 0)
            {
                _create = true;
                return;
            }

            _verbs.Add(request.Verb);
            if (request.Name.Length == 0)
            {
                _unnamed = true;
            }
            else
            {
                _names.Add(request.Name);
            }
        }

        /// <summary>One (verbs, names) part, or two when names are kept and the resource was created (create goes without names).</summary>
        public IEnumerable<(ImmutableArray<string> Verbs, ImmutableArray<string> Names)> Split()
        {
            var keepNames = !_unnamed && _names.Count > 0 && (_names.Count <= MaxNames || !AllowedUnnamed());
            if (!keepNames)
            {
                var verbs = _create ? _verbs.Append("create") : _verbs;
                yield return (SortVerbs(verbs), []);
                yield break;
            }

            yield return (SortVerbs(_verbs), [.. _names]);
            if (_create)
            {
                yield return (["create"], []);
            }
        }

        private bool AllowedUnnamed() =>
            _verbs.All(verb => allowedToday(sample with { Verb = verb, Name = "" }));
    }
}
