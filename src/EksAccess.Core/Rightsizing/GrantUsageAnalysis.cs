using System.Collections.Immutable;
using EksAccess.Core.Audit;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// Usage of each grant: a rule is used by the needed requests it allows (what it would decide, whatever binding the
/// audit reason named), partly used when some of its verbs, resources or namespaces never were, unused otherwise —
/// "not enough data" instead when the evidence is thin. A binding that allows requests but was never named in a reason
/// is shadowed by the grant the reasons named (kube-apiserver stops at the first allowing binding).
/// </summary>
internal static class GrantUsageAnalysis
{
    public static ImmutableArray<GrantUsage> Analyze(
        SubjectState state,
        List<ObservedRequest> needed,
        IEnumerable<ObservedRequest> allAllowed,
        ImmutableArray<PolicyRecommendation> recommendations,
        bool enoughData)
    {
        var named = new HashSet<string>(allAllowed.Select(o => o.DecidedBy?.Key).OfType<string>(), StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<GrantUsage>();
        foreach (var (binding, rule) in state.OwnRules())
        {
            var matched = needed.Where(o => (binding.BindingKind == BindingKind.ClusterRoleBinding || string.Equals(o.Request.Namespace, binding.BindingNamespace, StringComparison.Ordinal))
                && RuleMatcher.RuleAllows(rule, o.Request)).ToList();
            var parts = UnusedParts(rule, matched, binding.BindingKind == BindingKind.ClusterRoleBinding);
            var key = binding.BindingKind == BindingKind.ClusterRoleBinding ? $"crb:{binding.BindingName}" : $"rb:{binding.BindingNamespace}/{binding.BindingName}";
            string? shadowedBy = null;
            if (matched.Count > 0 && !named.Contains(key))
            {
                shadowedBy = matched.Where(o => o.DecidedBy is not null).GroupBy(o => o.DecidedBy!.Description, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Sum(o => o.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
            }

            result.Add(new GrantUsage
            {
                Kind = GrantUsage.RbacKind,
                Binding = binding.DescribeBinding(),
                Role = $"{binding.RoleKind} \"{binding.RoleName}\"",
                Rule = rule,
                RuleIndex = binding.RuleIndex,
                Status = Status(matched, parts, enoughData),
                Requests = matched.Sum(o => o.Count),
                LastUsed = matched.Count == 0 ? null : matched.Max(o => o.LastSeen),
                UnusedParts = parts,
                ShadowedBy = shadowedBy,
            });
        }

        foreach (var recommendation in recommendations)
        {
            var association = recommendation.Current;
            var key = AuditIdentity.Key(recommendation.PrincipalArn);
            var matched = needed.Where(o => string.Equals(AuditIdentity.Key(o.PrincipalArn), key, StringComparison.Ordinal)
                && AccessPolicyAuthorizer.Authorize([association], o.Request) is not null).ToList();
            var parts = ImmutableArray.CreateBuilder<string>();
            var usedNamespaces = matched.Select(o => o.Request.Namespace).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (matched.Count > 0 && association.AccessScope.IsCluster && matched.All(o => o.Request.Namespace.Length > 0))
            {
                parts.Add($"scope: cluster (used only in namespaces {string.Join(", ", usedNamespaces)})");
            }
            else if (matched.Count > 0 && !association.AccessScope.IsCluster)
            {
                var unusedNamespaces = association.AccessScope.Namespaces.Where(n => !usedNamespaces.Contains(n, StringComparer.Ordinal)).ToList();
                if (unusedNamespaces.Count > 0)
                {
                    parts.Add($"namespaces: {string.Join(", ", unusedNamespaces)}");
                }
            }

            if (string.Equals(recommendation.Action, PolicyRecommendation.Narrow, StringComparison.Ordinal) && recommendation.Suggested is { } narrower)
            {
                parts.Add($"policy: narrower fits — {AccessPolicyCatalog.NameOf(narrower.PolicyArn)} ({ScopeText(narrower.AccessScope)})");
            }
            else if (string.Equals(recommendation.Action, PolicyRecommendation.ReplaceWithRbac, StringComparison.Ordinal))
            {
                parts.Add("policy: no access policy covers the use without a sensitive permission never used — replace with RBAC");
            }

            result.Add(new GrantUsage
            {
                Kind = GrantUsage.AccessPolicyKind,
                Binding = recommendation.PrincipalArn,
                Role = AccessPolicyCatalog.NameOf(association.PolicyArn),
                PolicyArn = association.PolicyArn,
                AccessScope = association.AccessScope,
                Status = Status(matched, parts.ToImmutable(), enoughData),
                Requests = matched.Sum(o => o.Count),
                LastUsed = matched.Count == 0 ? null : matched.Max(o => o.LastSeen),
                UnusedParts = parts.ToImmutable(),
            });
        }

        return result.ToImmutable();
    }

    public static string ScopeText(Identity.AccessScope scope) =>
        scope.IsCluster ? "cluster" : $"namespace {string.Join(", ", scope.Namespaces.IsDefault ? [] : scope.Namespaces)}";

    private static GrantStatus Status(List<ObservedRequest> matched, ImmutableArray<string> parts, bool enoughData) =>
        matched.Count == 0 ? (enoughData ? GrantStatus.Unused : GrantStatus.NotEnoughData)
        : parts.IsEmpty ? GrantStatus.Used
        : GrantStatus.PartlyUsed;

    private static ImmutableArray<string> UnusedParts(PolicyRule rule, List<ObservedRequest> matched, bool clusterWide)
    {
        if (matched.Count == 0)
        {
            return [];
        }

        var parts = ImmutableArray.CreateBuilder<string>();
        var verbs = matched.Select(o => o.Request.Verb).ToHashSet(StringComparer.Ordinal);
        Describe(parts, "verbs", rule.Verbs, verbs);
        if (!rule.ApiGroups.IsEmpty)
        {
            Describe(parts, "apiGroups", rule.ApiGroups, matched.Where(o => o.Request.Path is null).Select(o => o.Request.ApiGroup).ToHashSet(StringComparer.Ordinal), quoteEmpty: true);
        }

        if (!rule.Resources.IsEmpty)
        {
            var resources = matched.Where(o => o.Request.Path is null)
                .Select(o => o.Request.Subresource.Length == 0 ? o.Request.Resource : $"{o.Request.Resource}/{o.Request.Subresource}")
                .ToHashSet(StringComparer.Ordinal);
            Describe(parts, "resources", rule.Resources, resources);
        }

        if (!rule.NonResourceUrls.IsEmpty)
        {
            Describe(parts, "nonResourceURLs", rule.NonResourceUrls, matched.Select(o => o.Request.Path).OfType<string>().ToHashSet(StringComparer.Ordinal));
        }

        if (clusterWide && !rule.Resources.IsEmpty && matched.All(o => o.Request.Namespace.Length > 0))
        {
            parts.Add($"namespaces: all (used only in {string.Join(", ", matched.Select(o => o.Request.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))})");
        }

        return parts.ToImmutable();
    }

    /// <summary>A <c>*</c> is reported with what was used under it; listed values by those never used.</summary>
    private static void Describe(ImmutableArray<string>.Builder parts, string what, ImmutableArray<string> granted, HashSet<string> used, bool quoteEmpty = false)
    {
        static string Show(string v, bool quote) => quote && v.Length == 0 ? "\"\"" : v;
        if (granted.Contains("*", StringComparer.Ordinal))
        {
            parts.Add($"{what}: * (used: {string.Join(", ", used.Order(StringComparer.Ordinal).Select(v => Show(v, quoteEmpty)))})");
            return;
        }

        var unused = granted.Where(g => !used.Contains(g) && !(g.StartsWith("*/", StringComparison.Ordinal) && used.Any(u => u.EndsWith(g[1..], StringComparison.Ordinal)))).ToList();
        if (unused.Count > 0)
        {
            parts.Add($"{what}: {string.Join(", ", unused.Select(v => Show(v, quoteEmpty)))}");
        }
    }
}
