using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Snapshots;

/// <summary>
/// The observed (or desired) state of one cluster: the snapshot directory (docs/snapshot-format.md), parsed.
/// Default ClusterRoles/Bindings are NOT merged in here; the evaluator adds them (unless turned off).
/// </summary>
public sealed record ClusterSnapshot
{
    public ClusterInfo? Cluster { get; init; }

    /// <summary>Empty when the snapshot has no access-entries file.</summary>
    public ImmutableArray<AccessEntry> AccessEntries { get; init; } = [];

    /// <summary>kube-system/aws-auth when present.</summary>
    public ConfigMapObject? AwsAuth { get; init; }

    public ImmutableArray<Role> Roles { get; init; } = [];
    public ImmutableArray<ClusterRole> ClusterRoles { get; init; } = [];
    public ImmutableArray<RoleBinding> RoleBindings { get; init; } = [];
    public ImmutableArray<ClusterRoleBinding> ClusterRoleBindings { get; init; } = [];
    public ImmutableArray<NamespaceObject> Namespaces { get; init; } = [];
    public ImmutableArray<ServiceAccountObject> ServiceAccounts { get; init; } = [];
    public ImmutableArray<ResourceQuotaObject> ResourceQuotas { get; init; } = [];
    public ImmutableArray<LimitRangeObject> LimitRanges { get; init; } = [];
    public ImmutableArray<CustomResourceDefinitionObject> CustomResourceDefinitions { get; init; } = [];

    /// <summary>The cluster's authentication mode; API_AND_CONFIG_MAP when cluster.json is absent.</summary>
    public AuthenticationMode AuthenticationMode => Cluster?.AuthenticationMode ?? AuthenticationMode.ApiAndConfigMap;
}
