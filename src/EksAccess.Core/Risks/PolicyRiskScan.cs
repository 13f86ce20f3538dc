using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Risks;

/// <summary>
/// The probe rules over EKS access policies: each association of each access entry, asked through the access-policy
/// authorizer in every namespace of its scope (cluster scope: cluster-wide). The subject is the entry's username.
/// Answers are cached per (policy, scope namespace, rule): thousands of entries share a handful of policies.
/// </summary>
internal static class PolicyRiskScan
{
    public static void Run(AccessModel model, PrincipalIndex principals, FindingCollector findings)
    {
        var cache = new Dictionary<(string Policy, string Scope, string Rule), Decision?[]?>();
        foreach (var (_, identity, path) in principals.Principals)
        {
            if (identity.Entry is not { } entry || entry.AssociatedAccessPolicies.IsDefaultOrEmpty)
            {
                continue;
            }

            foreach (var association in entry.AssociatedAccessPolicies)
            {
                var scopes = association.AccessScope.IsCluster ? [""] : association.AccessScope.Namespaces.IsDefault ? [] : association.AccessScope.Namespaces;
                foreach (var scope in scopes)
                {
                    foreach (var rule in RiskRules.Kubernetes)
                    {
                        if (rule.NeedsAwsAuth && model.Identities.Mode == AuthenticationMode.Api)
                        {
                            continue;
                        }

                        var key = (association.PolicyArn, scope, rule.Id);
                        if (!cache.TryGetValue(key, out var decisions))
                        {
                            decisions = Evaluate(association, scope, rule);
                            cache.Add(key, decisions);
                        }

                        if (decisions is null)
                        {
                            continue;
                        }

                        var ns = rule.OnlyNamespace ?? scope;
                        var chain = path.Steps.AddRange(decisions.SelectMany(d => new[]
                        {
                            d!.Explain(),
                            d.Reason is AccessPolicyReason reason ? $"rule {reason.RuleIndex}: {RiskText.Describe(reason.Rule)}" : "",
                        }));
                        findings.Add(new RiskFinding(rule.Id, rule.SeverityIn(ns), rule.Message, rule.Fix, new RiskSubject(Subject.UserKind, identity.Username), ns, [path], chain)
                        {
                            Location = entry.Source,
                        });
                    }
                }
            }
        }
    }

    /// <summary>The allowing decision of each probe group, or null when a group is not allowed.</summary>
    private static Decision?[]? Evaluate(AssociatedAccessPolicy association, string scope, RiskRule rule)
    {
        // The namespace asked: the rule's own (kube-system) when the scope covers it, else the scope's namespace; a
        // prefix* pattern is asked with its prefix, which it matches.
        var ns = rule.OnlyNamespace ?? (scope.EndsWith('*') ? scope[..^1] : scope);
        if (rule.OnlyNamespace is not null && scope.Length > 0 && !AccessPolicyAuthorizer.NamespaceMatches(scope, rule.OnlyNamespace))
        {
            return null;
        }

        ImmutableArray<AssociatedAccessPolicy> one = [association];
        var result = new Decision?[rule.AllOf.Length];
        for (var g = 0; g < rule.AllOf.Length; g++)
        {
            result[g] = rule.AllOf[g].Select(p => AccessPolicyAuthorizer.Authorize(one, p.In(ns))).FirstOrDefault(d => d is not null);
            if (result[g] is null)
            {
                return null;
            }
        }

        return result;
    }
}
