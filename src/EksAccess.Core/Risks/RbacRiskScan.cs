using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Risks;

/// <summary>
/// The probe rules over RBAC: who-can for every probe, once over the ClusterRoleBindings (cluster-wide) and once per
/// namespace over its RoleBindings, so each binding is visited once per probe. A subject fires in a namespace when the
/// cluster-wide and namespace grants together satisfy every group of the rule, and not already cluster-wide.
/// </summary>
internal static class RbacRiskScan
{
    public static void Run(AccessModel model, PrincipalIndex principals, FindingCollector findings, Func<string, string?> locate)
    {
        var rbac = model.Authorizer.Rbac;
        var namespaces = rbac.BindingNamespaces.Order(StringComparer.Ordinal).ToList();
        foreach (var rule in RiskRules.Kubernetes)
        {
            if (rule.NeedsAwsAuth && model.Identities.Mode == Identity.AuthenticationMode.Api)
            {
                continue;
            }

            var cluster = Grants(rule, probe => rbac.SubjectsAllowed(probe.In("")), includeClusterScoped: true);
            var clusterNamespace = rule.OnlyNamespace ?? "";
            foreach (var (subject, groups) in cluster)
            {
                if (Satisfied(groups, rule))
                {
                    Report(rule, subject, clusterNamespace, groups, principals, findings, locate);
                }
            }

            foreach (var ns in namespaces.Where(n => rule.OnlyNamespace is null || string.Equals(n, rule.OnlyNamespace, StringComparison.Ordinal)))
            {
                var local = Grants(rule, probe => rbac.NamespaceSubjectsAllowed(probe.In(ns)), includeClusterScoped: false);
                foreach (var (subject, groups) in local)
                {
                    if (cluster.TryGetValue(subject, out var clusterGroups))
                    {
                        if (Satisfied(clusterGroups, rule))
                        {
                            continue; // already reported cluster-wide
                        }

                        for (var g = 0; g < groups.Length; g++)
                        {
                            groups[g] ??= clusterGroups[g];
                        }
                    }

                    if (Satisfied(groups, rule))
                    {
                        Report(rule, subject, ns, groups, principals, findings, locate);
                    }
                }
            }
        }
    }

    /// <summary>Per subject, the first grant of each probe group (null: no probe of that group allowed).</summary>
    private static Dictionary<RiskSubject, SubjectGrant?[]> Grants(RiskRule rule, Func<RiskProbe, IEnumerable<SubjectGrant>> ask, bool includeClusterScoped)
    {
        var result = new Dictionary<RiskSubject, SubjectGrant?[]>();
        for (var g = 0; g < rule.AllOf.Length; g++)
        {
            foreach (var probe in rule.AllOf[g].Where(p => includeClusterScoped || !p.ClusterScoped))
            {
                foreach (var grant in ask(probe))
                {
                    var subject = new RiskSubject(grant.Subject.Kind, grant.Subject.Name, grant.Subject.Namespace);
                    if (string.Equals(subject.Kind, Subject.GroupKind, StringComparison.Ordinal) && string.Equals(subject.Name, PrivilegedGroupReason.SystemMasters, StringComparison.Ordinal))
                    {
                        continue; // R-MASTERS reports system:masters once; its cluster-admin binding adds nothing.
                    }

                    if (!result.TryGetValue(subject, out var groups))
                    {
                        groups = new SubjectGrant?[rule.AllOf.Length];
                        result.Add(subject, groups);
                    }

                    groups[g] ??= grant;
                }
            }
        }

        return result;
    }

    private static bool Satisfied(SubjectGrant?[] groups, RiskRule rule) => groups.Length == rule.AllOf.Length && Array.TrueForAll(groups, g => g is not null);

    private static void Report(RiskRule rule, RiskSubject subject, string ns, SubjectGrant?[] groups, PrincipalIndex principals, FindingCollector findings, Func<string, string?> locate)
    {
        var paths = principals.Reaching(subject);
        var chain = ImmutableArray.CreateBuilder<string>();
        if (!paths.IsEmpty)
        {
            chain.AddRange(paths[0].Steps);
        }

        foreach (var grant in groups)
        {
            chain.Add(grant!.Via.Explain());
            chain.Add($"rule {grant.Via.RuleIndex}: {RiskText.Describe(grant.Via.Rule)}");
        }

        var first = groups[0]!.Via;
        findings.Add(new RiskFinding(rule.Id, rule.SeverityIn(ns), rule.Message, rule.Fix, subject, ns, paths, chain.ToImmutable())
        {
            Location = locate(first.BindingKind == BindingKind.ClusterRoleBinding ? "/" + first.BindingName : first.BindingNamespace + "/" + first.BindingName),
        });
    }
}
