using EksAccess.Core.Authorization;
using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>Collects the records, errors and warnings of one load.</summary>
internal sealed class SnapshotBuilder
{
    private readonly KeyedList<(string Namespace, string Name), Role> _roles = new();
    private readonly KeyedList<string, ClusterRole> _clusterRoles = new(StringComparer.Ordinal);
    private readonly KeyedList<(string Namespace, string Name), RoleBinding> _roleBindings = new();
    private readonly KeyedList<string, ClusterRoleBinding> _clusterRoleBindings = new(StringComparer.Ordinal);
    private readonly KeyedList<string, NamespaceObject> _namespaces = new(StringComparer.Ordinal);
    private readonly KeyedList<(string Namespace, string Name), ServiceAccountObject> _serviceAccounts = new();
    private readonly KeyedList<(string Namespace, string Name), ResourceQuotaObject> _resourceQuotas = new();
    private readonly KeyedList<(string Namespace, string Name), LimitRangeObject> _limitRanges = new();
    private readonly KeyedList<string, CustomResourceDefinitionObject> _crds = new(StringComparer.Ordinal);
    private readonly KeyedList<string, AccessEntry> _accessEntries = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _errors = [];
    private readonly List<Diagnostic> _warnings = [];
    private ConfigMapObject? _awsAuth;
    private ClusterInfo? _cluster;
    private string? _clusterSource;

    public ValuePool Pool { get; } = new();

    public void Error(Diagnostic diagnostic) => _errors.Add(diagnostic);

    public void AddRole(Role role, SourceLocation at) =>
        Duplicate(_roles.Add((role.Namespace, role.Name), role, role.Source!), at, $"Role '{role.Name}' in namespace '{role.Namespace}'");

    public void AddClusterRole(ClusterRole role, SourceLocation at) =>
        Duplicate(_clusterRoles.Add(role.Name, role, role.Source!), at, $"ClusterRole '{role.Name}'");

    public void AddRoleBinding(RoleBinding binding, SourceLocation at) =>
        Duplicate(_roleBindings.Add((binding.Namespace, binding.Name), binding, binding.Source!), at, $"RoleBinding '{binding.Name}' in namespace '{binding.Namespace}'");

    public void AddClusterRoleBinding(ClusterRoleBinding binding, SourceLocation at) =>
        Duplicate(_clusterRoleBindings.Add(binding.Name, binding, binding.Source!), at, $"ClusterRoleBinding '{binding.Name}'");

    public void AddNamespace(NamespaceObject value, string source, SourceLocation at) =>
        Duplicate(_namespaces.Add(value.Name, value, source), at, $"Namespace '{value.Name}'");

    public void AddServiceAccount(ServiceAccountObject value, string source, SourceLocation at) =>
        Duplicate(_serviceAccounts.Add((value.Namespace, value.Name), value, source), at, $"ServiceAccount '{value.Name}' in namespace '{value.Namespace}'");

    public void AddResourceQuota(ResourceQuotaObject value, string source, SourceLocation at) =>
        Duplicate(_resourceQuotas.Add((value.Namespace, value.Name), value, source), at, $"ResourceQuota '{value.Name}' in namespace '{value.Namespace}'");

    public void AddLimitRange(LimitRangeObject value, string source, SourceLocation at) =>
        Duplicate(_limitRanges.Add((value.Namespace, value.Name), value, source), at, $"LimitRange '{value.Name}' in namespace '{value.Namespace}'");

    public void AddCustomResourceDefinition(CustomResourceDefinitionObject value, string source, SourceLocation at) =>
        Duplicate(_crds.Add(value.Plural + "." + value.Group, value, source), at, $"CustomResourceDefinition '{value.Plural}.{value.Group}'");

    public void AddAccessEntry(AccessEntry entry, SourceLocation at) =>
        Duplicate(_accessEntries.Add(entry.PrincipalArn, entry, entry.Source!), at, $"access entry for '{entry.PrincipalArn}'");

    public void SetAwsAuth(ConfigMapObject configMap, SourceLocation at)
    {
        Duplicate(_awsAuth?.Source, at, "ConfigMap 'aws-auth' in namespace 'kube-system'");
        _awsAuth = configMap;
    }

    public void SetCluster(ClusterInfo cluster, string source, SourceLocation at)
    {
        Duplicate(_clusterSource, at, $"cluster '{cluster.Name}'");
        _cluster = cluster;
        _clusterSource = source;
    }

    public SnapshotLoadResult Build()
    {
        var snapshot = new ClusterSnapshot
        {
            Cluster = _cluster,
            AccessEntries = _accessEntries.ToImmutableArray(),
            AwsAuth = _awsAuth,
            Roles = _roles.ToImmutableArray(),
            ClusterRoles = _clusterRoles.ToImmutableArray(),
            RoleBindings = _roleBindings.ToImmutableArray(),
            ClusterRoleBindings = _clusterRoleBindings.ToImmutableArray(),
            Namespaces = _namespaces.ToImmutableArray(),
            ServiceAccounts = _serviceAccounts.ToImmutableArray(),
            ResourceQuotas = _resourceQuotas.ToImmutableArray(),
            LimitRanges = _limitRanges.ToImmutableArray(),
            CustomResourceDefinitions = _crds.ToImmutableArray(),
        };
        return new SnapshotLoadResult(snapshot, [.. _errors], [.. _warnings]);
    }

    private void Duplicate(string? earlierSource, SourceLocation at, string what)
    {
        if (earlierSource is not null)
        {
            _warnings.Add(new Diagnostic(at, $"{what} appears more than once (also at {earlierSource})", "the last one wins; remove the other copy"));
        }
    }
}
