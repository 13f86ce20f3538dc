using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Tests.Authorization;

/// <summary>
/// The RBAC semantics written as plain nested loops over the unindexed objects, straight from
/// docs/reference/rbac-semantics.md §2–§5, sharing nothing with <see cref="RbacAuthorizer"/> but <see cref="RuleMatcher"/>.
/// Slow on purpose; property tests check the indexed authorizer against it.
/// </summary>
public sealed class ReferenceRbacAuthorizer(
    IReadOnlyList<Role> roles,
    IReadOnlyList<ClusterRole> clusterRoles,
    IReadOnlyList<RoleBinding> roleBindings,
    IReadOnlyList<ClusterRoleBinding> clusterRoleBindings)
{
    public Decision Authorize(UserInfo user, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);

        // A non-resource request has no namespace.
        var ns = request.Path is null ? request.Namespace : "";
        RbacReason? reason = null;
        var notes = new List<string>();
        foreach (var visit in Walk(user, ns))
        {
            if (visit.Rules is null)
            {
                notes.Add(visit.Note!);
                continue;
            }

            if (reason is not null)
            {
                continue;
            }

            for (var i = 0; i < visit.Rules.Value.Length; i++)
            {
                if (RuleMatcher.RuleAllows(visit.Rules.Value[i], request))
                {
                    reason = visit.ReasonFor(i);
                    break;
                }
            }
        }

        return reason is null ? Decision.Deny([.. notes]) : Decision.Allow(reason, [.. notes]);
    }

    public ImmutableArray<GrantedRule> RulesFor(UserInfo user, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(@namespace);
        var result = ImmutableArray.CreateBuilder<GrantedRule>();
        foreach (var visit in Walk(user, @namespace))
        {
            if (visit.Rules is null)
            {
                continue;
            }

            for (var i = 0; i < visit.Rules.Value.Length; i++)
            {
                result.Add(new GrantedRule(visit.Rules.Value[i], visit.ReasonFor(i)));
            }
        }

        return result.ToImmutable();
    }

    public IEnumerable<SubjectGrant> SubjectsAllowed(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = request.Path is null ? request.Namespace : "";
        var result = new List<SubjectGrant>();
        foreach (var binding in clusterRoleBindings)
        {
            AddGrants(result, BindingKind.ClusterRoleBinding, "", binding.Name, binding.RoleRef, binding.Subjects, request);
        }

        if (ns.Length > 0)
        {
            foreach (var binding in roleBindings)
            {
                if (string.Equals(binding.Namespace, ns, StringComparison.Ordinal))
                {
                    AddGrants(result, BindingKind.RoleBinding, binding.Namespace, binding.Name, binding.RoleRef, binding.Subjects, request);
                }
            }
        }

        return result;
    }

    private void AddGrants(List<SubjectGrant> result, BindingKind kind, string ns, string name, RoleRef roleRef, ImmutableArray<Subject> subjects, AccessRequest request)
    {
        var rules = Resolve(kind, ns, roleRef);
        if (rules is null)
        {
            return;
        }

        for (var i = 0; i < rules.Value.Length; i++)
        {
            if (!RuleMatcher.RuleAllows(rules.Value[i], request))
            {
                continue;
            }

            foreach (var subject in subjects.IsDefault ? [] : subjects)
            {
                var isServiceAccount = string.Equals(subject.Kind, Subject.ServiceAccountKind, StringComparison.Ordinal);
                var known = isServiceAccount
                    || string.Equals(subject.Kind, Subject.UserKind, StringComparison.Ordinal)
                    || string.Equals(subject.Kind, Subject.GroupKind, StringComparison.Ordinal);
                if (!known || (isServiceAccount && subject.Namespace.Length == 0 && ns.Length == 0))
                {
                    continue;
                }

                var normalized = isServiceAccount && subject.Namespace.Length == 0 ? subject with { Namespace = ns } : subject;
                result.Add(new SubjectGrant(normalized, new RbacReason(kind, ns, name, roleRef.Kind, roleRef.Name, i, rules.Value[i], subject)));
            }

            return;
        }
    }

    /// <summary>Every ClusterRoleBinding, then (namespace non-empty) every RoleBinding of that namespace, that applies to the user.</summary>
    private List<Visit> Walk(UserInfo user, string ns)
    {
        var visits = new List<Visit>();
        foreach (var binding in clusterRoleBindings)
        {
            var subject = FirstApplyingSubject(user, binding.Subjects, "");
            if (subject is not null)
            {
                visits.Add(MakeVisit(BindingKind.ClusterRoleBinding, "", binding.Name, binding.RoleRef, subject));
            }
        }

        if (ns.Length == 0)
        {
            return visits;
        }

        foreach (var binding in roleBindings)
        {
            if (!string.Equals(binding.Namespace, ns, StringComparison.Ordinal))
            {
                continue;
            }

            var subject = FirstApplyingSubject(user, binding.Subjects, ns);
            if (subject is not null)
            {
                visits.Add(MakeVisit(BindingKind.RoleBinding, ns, binding.Name, binding.RoleRef, subject));
            }
        }

        return visits;
    }

    private Visit MakeVisit(BindingKind kind, string ns, string name, RoleRef roleRef, Subject subject)
    {
        var rules = Resolve(kind, ns, roleRef);
        var where = kind == BindingKind.ClusterRoleBinding ? $"ClusterRoleBinding {name}" : $"RoleBinding {ns}/{name}";
        string? note = null;
        if (rules is null)
        {
            note = roleRef.Kind switch
            {
                RoleRef.RoleKind when kind == BindingKind.ClusterRoleBinding =>
                    $"{where} refers to Role {roleRef.Name}, but a ClusterRoleBinding can only use a ClusterRole; it grants nothing",
                RoleRef.RoleKind => $"{where} refers to missing Role {roleRef.Name}",
                RoleRef.ClusterRoleKind => $"{where} refers to missing ClusterRole {roleRef.Name}",
                _ => $"{where} has roleRef kind \"{roleRef.Kind}\", which RBAC does not support; it grants nothing",
            };
        }

        return new Visit(kind, ns, name, roleRef, subject, rules, note);
    }

    /// <summary>roleRef.kind decides the lookup: Role → the binding's namespace only; ClusterRole → ClusterRoles only.</summary>
    private ImmutableArray<PolicyRule>? Resolve(BindingKind kind, string ns, RoleRef roleRef)
    {
        if (string.Equals(roleRef.Kind, RoleRef.RoleKind, StringComparison.Ordinal))
        {
            if (kind == BindingKind.ClusterRoleBinding)
            {
                return null;
            }

            foreach (var role in roles)
            {
                if (string.Equals(role.Namespace, ns, StringComparison.Ordinal) && string.Equals(role.Name, roleRef.Name, StringComparison.Ordinal))
                {
                    return role.Rules.IsDefault ? [] : role.Rules;
                }
            }

            return null;
        }

        if (string.Equals(roleRef.Kind, RoleRef.ClusterRoleKind, StringComparison.Ordinal))
        {
            foreach (var clusterRole in clusterRoles)
            {
                if (string.Equals(clusterRole.Name, roleRef.Name, StringComparison.Ordinal))
                {
                    return clusterRole.Rules.IsDefault ? [] : clusterRole.Rules;
                }
            }
        }

        return null;
    }

    private static Subject? FirstApplyingSubject(UserInfo user, ImmutableArray<Subject> subjects, string bindingNamespace)
    {
        if (subjects.IsDefault)
        {
            return null;
        }

        foreach (var subject in subjects)
        {
            if (AppliesTo(user, subject, bindingNamespace))
            {
                return subject;
            }
        }

        return null;
    }

    /// <summary>§5: User by name, Group by membership, ServiceAccount by its username (namespace defaulted to the binding's).</summary>
    private static bool AppliesTo(UserInfo user, Subject subject, string bindingNamespace)
    {
        switch (subject.Kind)
        {
            case Subject.UserKind:
                return string.Equals(user.Name, subject.Name, StringComparison.Ordinal);
            case Subject.GroupKind:
                foreach (var group in user.Groups.IsDefault ? [] : user.Groups)
                {
                    if (string.Equals(group, subject.Name, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            case Subject.ServiceAccountKind:
                var saNamespace = subject.Namespace.Length > 0 ? subject.Namespace : bindingNamespace;
                return saNamespace.Length > 0
                    && string.Equals(user.Name, $"system:serviceaccount:{saNamespace}:{subject.Name}", StringComparison.Ordinal);
            default:
                return false;
        }
    }

    private sealed record Visit(BindingKind Kind, string Namespace, string Name, RoleRef RoleRef, Subject Subject, ImmutableArray<PolicyRule>? Rules, string? Note)
    {
        public RbacReason ReasonFor(int ruleIndex) =>
            new(Kind, Namespace, Name, RoleRef.Kind, RoleRef.Name, ruleIndex, Rules!.Value[ruleIndex], Subject);
    }
}
