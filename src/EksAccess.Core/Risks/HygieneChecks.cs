using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Risks;

/// <summary>
/// Hygiene: access-entry groups no binding uses, binding subjects nothing maps to, and (with an audit log) mapped
/// principals that never showed up. Names of the cluster's own (<c>system:</c>, <c>eks:</c>) are left out.
/// </summary>
internal static class HygieneChecks
{
    public static void Run(AccessModel model, PrincipalIndex principals, RiskOptions options, FindingCollector findings)
    {
        var snapshot = model.Snapshot;
        var bound = snapshot.RoleBindings.SelectMany(b => b.Subjects)
            .Concat(snapshot.ClusterRoleBindings.SelectMany(b => b.Subjects))
            .Concat(DefaultRbac.ClusterRoleBindings.SelectMany(b => b.Subjects))
            .Where(s => string.Equals(s.Kind, Subject.GroupKind, StringComparison.Ordinal))
            .Select(s => s.Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (_, identity, path) in principals.Principals)
        {
            foreach (var group in identity.Entry is { } entry && !entry.KubernetesGroups.IsDefault ? entry.KubernetesGroups : [])
            {
                if (!bound.Contains(group) && !SystemNames.IsSystem(group))
                {
                    findings.Add(IdentityRiskChecks.Check("H-UNUSED-GROUP", new RiskSubject(Subject.GroupKind, group), [path], path.Steps.Add($"no RoleBinding or ClusterRoleBinding names Group \"{group}\""))
                        with
                    { Location = identity.Entry!.Source });
                }
            }
        }

        var bindings = snapshot.RoleBindings.Select(b => (Key: $"RoleBinding \"{b.Name}/{b.Namespace}\"", b.Namespace, b.Subjects, b.Source))
            .Concat(snapshot.ClusterRoleBindings.Select(b => (Key: $"ClusterRoleBinding \"{b.Name}\"", Namespace: "", b.Subjects, b.Source)));
        foreach (var (key, ns, subjects, source) in bindings)
        {
            foreach (var subject in subjects.Where(s => s.Kind is Subject.UserKind or Subject.GroupKind && !SystemNames.IsSystem(s.Name)))
            {
                var mapped = string.Equals(subject.Kind, Subject.UserKind, StringComparison.Ordinal) ? principals.MapsUser(subject.Name) : principals.MapsGroup(subject.Name);
                if (!mapped)
                {
                    findings.Add(IdentityRiskChecks.Check("H-UNMAPPED-SUBJECT", new RiskSubject(subject.Kind, subject.Name), [], [$"{key} names {subject.Kind} \"{subject.Name}\"", "no access entry or aws-auth mapping produces it"], ns)
                        with
                    { Location = source });
                }
            }
        }

        if (options.SeenInAudit is { } seen)
        {
            foreach (var (known, identity, path) in principals.Principals.Where(p => !p.Known.IsWildcard))
            {
                if (!seen.Contains(identity.Username) && !seen.Contains(known.Principal) && !SystemNames.IsSystem(identity.Username))
                {
                    findings.Add(IdentityRiskChecks.Check("H-UNSEEN", new RiskSubject(Subject.UserKind, identity.Username), [path], path.Steps.Add("not in the audit log given")));
                }
            }
        }
    }
}
