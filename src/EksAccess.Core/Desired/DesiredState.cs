using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Desired;

/// <summary>
/// The cluster state an <see cref="AccessConfig"/> asks for, as a <see cref="ClusterSnapshot"/> holding exactly the objects
/// the config creates (no Kubernetes defaults). Lists are sorted by their key (namespace, name) so equal configs give
/// equal snapshots; access entries keep config order (node roles first).
/// </summary>
public static class DesiredState
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "eksaccess";

    public static ClusterSnapshot Build(AccessConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var cluster = config.Cluster;
        var principals = PrincipalResolver.Resolve(config);
        var method = cluster.AccessMethod;

        return new ClusterSnapshot
        {
            Cluster = new ClusterInfo(cluster.Name, cluster.ClusterArn, cluster.AuthenticationMode)
            {
                Region = cluster.Region,
                AccountId = cluster.AccountId,
                Partition = cluster.Partition,
            },
            Namespaces = [.. config.Namespaces.Select(Namespace).DistinctBy(n => n.Name, StringComparer.Ordinal).OrderBy(n => n.Name, StringComparer.Ordinal)],
            ResourceQuotas =
            [
                .. config.Namespaces
                    .Where(n => n.Quota is not null)
                    .Select(n => new ResourceQuotaObject(n.Name, n.Quota!.Name ?? $"{n.Name}-quota", n.Quota.Hard))
                    .OrderBy(q => q.Namespace, StringComparer.Ordinal).ThenBy(q => q.Name, StringComparer.Ordinal),
            ],
            LimitRanges =
            [
                .. config.Namespaces
                    .Where(n => n.LimitRange is not null)
                    .Select(n => new LimitRangeObject(n.Name, n.LimitRange!.Name ?? $"{n.Name}-limits", n.LimitRange.Limits))
                    .OrderBy(l => l.Namespace, StringComparer.Ordinal).ThenBy(l => l.Name, StringComparer.Ordinal),
            ],
            Roles = Roles(config),
            RoleBindings = RoleBindings(config),
            ClusterRoles =
            [
                .. config.ClusterRoles
                    .DistinctBy(r => r.Name, StringComparer.Ordinal)
                    .Select(r => new ClusterRole(r.Name, r.Rules) { Labels = ManagedLabels(r.Labels), Source = Source(r.Location) })
                    .OrderBy(r => r.Name, StringComparer.Ordinal),
            ],
            ClusterRoleBindings =
            [
                .. config.Teams
                    .SelectMany(team => team.ClusterRoles.Select(role => new ClusterRoleBinding(
                        $"{team.Name}-{role}",
                        new RoleRef(RoleRef.ClusterRoleKind, role),
                        [new Subject(Subject.GroupKind, team.KubernetesGroup)]) { Source = Source(team.Location) }))
                    .DistinctBy(b => b.Name, StringComparer.Ordinal)
                    .OrderBy(b => b.Name, StringComparer.Ordinal),
            ],
            AccessEntries = method is AccessMethod.AccessEntries or AccessMethod.Both ? AccessEntries(config, principals) : [],
            AwsAuth = method is AccessMethod.AwsAuth or AccessMethod.Both ? AwsAuthWriter.Write(config, principals) : null,
        };
    }

    /// <summary>How a team's namespace grant resolves: a roles[] template (a Role in that namespace), else a ClusterRole.</summary>
    public static RoleRef GrantRoleRef(AccessConfig config, TeamNamespaceGrant grant)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(grant);

        // A name that is neither a template, a clusterRoles[] entry nor built in is taken as an existing ClusterRole; validation warns.
        return config.Roles.Any(r => string.Equals(r.Name, grant.Role, StringComparison.Ordinal))
            ? new RoleRef(RoleRef.RoleKind, grant.Role)
            : new RoleRef(RoleRef.ClusterRoleKind, grant.Role);
    }

    private static NamespaceObject Namespace(NamespaceConfig ns) =>
        new(ns.Name, ManagedLabels(ns.Labels));

    private static ImmutableDictionary<string, string> ManagedLabels(IEnumerable<KeyValuePair<string, string>> labels) =>
        labels.ToImmutableDictionary(StringComparer.Ordinal).SetItem(ManagedByLabel, ManagedByValue);

    private static ImmutableArray<Role> Roles(AccessConfig config)
    {
        var templates = config.Roles.DistinctBy(r => r.Name, StringComparer.Ordinal).ToDictionary(r => r.Name, StringComparer.Ordinal);
        return
        [
            .. config.Teams
                .SelectMany(team => team.Namespaces)
                .Where(grant => templates.ContainsKey(grant.Role))
                .Select(grant => (grant.Namespace, Template: templates[grant.Role]))
                .DistinctBy(x => (x.Namespace, x.Template.Name))
                .Select(x => new Role(x.Namespace, x.Template.Name, x.Template.Rules) { Source = Source(x.Template.Location) })
                .OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal),
        ];
    }

    private static ImmutableArray<RoleBinding> RoleBindings(AccessConfig config) =>
    [
        .. config.Teams
            .SelectMany(team => team.Namespaces.Select(grant => new RoleBinding(
                grant.Namespace,
                $"{team.Name}-{grant.Role}",
                GrantRoleRef(config, grant),
                [new Subject(Subject.GroupKind, team.KubernetesGroup)]) { Source = Source(grant.Location) }))
            .DistinctBy(b => (b.Namespace, b.Name))
            .OrderBy(b => b.Namespace, StringComparer.Ordinal).ThenBy(b => b.Name, StringComparer.Ordinal),
    ];

    private static ImmutableArray<AccessEntry> AccessEntries(AccessConfig config, ImmutableArray<DesiredPrincipal> principals)
    {
        var entries = ImmutableArray.CreateBuilder<AccessEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in config.Cluster.NodeRoles)
        {
            if (seen.Add(node.RoleArn))
            {
                entries.Add(new AccessEntry(node.RoleArn, node.Type, Username: null, [], []) { Source = Source(node.Location) });
            }
        }

        foreach (var principal in principals)
        {
            if (seen.Add(principal.PrincipalArn))
            {
                entries.Add(new AccessEntry(
                    principal.PrincipalArn,
                    AccessEntry.StandardType,
                    principal.Username,
                    principal.AccessEntryGroups,
                    principal.AccessPolicies)
                { Source = Source(principal.Location) });
            }
        }

        return entries.ToImmutable();
    }

    private static string? Source(SourceLocation location) =>
        location.Line == 0 ? null : location.ToString();
}
