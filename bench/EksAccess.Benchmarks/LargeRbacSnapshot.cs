using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;

namespace EksAccess.Benchmarks;

/// <summary>
/// A synthetic large cluster: 2,000 namespaces, 20,000 Roles (10 per namespace), 50,000 RoleBindings (25 per namespace),
/// 5,000 ClusterRoles (plus the defaults, aggregated) and 2,000 ClusterRoleBindings.
/// </summary>
public sealed class LargeRbacSnapshot
{
    public const int NamespaceCount = 2_000;

    public LargeRbacSnapshot()
    {
        var roles = new List<Role>();
        var roleBindings = new List<RoleBinding>();
        for (var n = 0; n < NamespaceCount; n++)
        {
            var ns = $"team-{n}";
            for (var r = 0; r < 10; r++)
            {
                roles.Add(new Role(ns, $"role-{r}", [
                    PolicyRule.ForResources(["", "apps"], ["pods", "deployments", $"custom-{r}"], ["get", "list", "watch"]),
                    PolicyRule.ForResources([""], ["configmaps"], ["get", "update"], [$"cm-{r}"]),
                    PolicyRule.ForResources(["batch"], ["jobs", "cronjobs"], ["create", "delete"]),
                ]));
            }

            for (var b = 0; b < 25; b++)
            {
                var roleRef = b % 5 == 0 ? new RoleRef(RoleRef.ClusterRoleKind, b % 10 == 0 ? "edit" : "view") : new RoleRef(RoleRef.RoleKind, $"role-{b % 10}");
                roleBindings.Add(new RoleBinding(ns, $"binding-{b}", roleRef, [
                    new Subject(Subject.GroupKind, $"group-{(n * 25 + b) % 3_000}"),
                    new Subject(Subject.UserKind, $"user-{(n * 25 + b) % 10_000}"),
                    new Subject(Subject.ServiceAccountKind, $"sa-{b}"),
                ]));
            }
        }

        var clusterRoles = new List<ClusterRole>();
        for (var c = 0; c < 5_000; c++)
        {
            clusterRoles.Add(new ClusterRole($"cluster-role-{c}", [
                PolicyRule.ForResources([$"group{c}.example.com"], [$"widgets{c}", $"widgets{c}/status"], ["get", "list", "watch"]),
                PolicyRule.ForResources([""], ["nodes"], ["get"], [$"node-{c}"]),
            ]));
        }

        var clusterRoleBindings = new List<ClusterRoleBinding>();
        for (var c = 0; c < 2_000; c++)
        {
            clusterRoleBindings.Add(new ClusterRoleBinding($"crb-{c}", new RoleRef(RoleRef.ClusterRoleKind, $"cluster-role-{c}"), [
                new Subject(Subject.GroupKind, $"group-{c % 3_000}"),
                new Subject(Subject.UserKind, $"user-{c}"),
            ]));
        }

        var merged = DefaultRbac.MergeInto(clusterRoles, clusterRoleBindings);
        Roles = [.. roles];
        ClusterRoles = merged.ClusterRoles;
        RoleBindings = [.. roleBindings];
        ClusterRoleBindings = merged.ClusterRoleBindings;
    }

    public ImmutableArray<Role> Roles { get; }

    public ImmutableArray<ClusterRole> ClusterRoles { get; }

    public ImmutableArray<RoleBinding> RoleBindings { get; }

    public ImmutableArray<ClusterRoleBinding> ClusterRoleBindings { get; }

    public RbacAuthorizer Build() => new(Roles, ClusterRoles, RoleBindings, ClusterRoleBindings);
}
