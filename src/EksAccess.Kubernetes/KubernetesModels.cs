using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Snapshots;
using k8s.Models;

namespace EksAccess.Kubernetes;

/// <summary>KubernetesClient's mutable V1 models → Core's immutable records (the adapter boundary).</summary>
internal static class KubernetesModels
{
    public static NamespaceObject ToCore(V1Namespace ns) => new(ns.Metadata.Name, Map(ns.Metadata.Labels));

    public static ResourceQuotaObject ToCore(V1ResourceQuota quota) =>
        new(quota.Metadata.NamespaceProperty, quota.Metadata.Name, Quantities(quota.Spec?.Hard)) { Labels = Map(quota.Metadata.Labels) };

    public static LimitRangeObject ToCore(V1LimitRange limits) =>
        new(limits.Metadata.NamespaceProperty, limits.Metadata.Name, [.. (limits.Spec?.Limits ?? []).Select(ToCore)]) { Labels = Map(limits.Metadata.Labels) };

    public static ServiceAccountObject ToCore(V1ServiceAccount account) =>
        new(account.Metadata.NamespaceProperty, account.Metadata.Name) { Labels = Map(account.Metadata.Labels) };

    public static Role ToCore(V1Role role) =>
        new(role.Metadata.NamespaceProperty, role.Metadata.Name, Rules(role.Rules)) { Labels = Map(role.Metadata.Labels) };

    public static ClusterRole ToCore(V1ClusterRole role) => new(role.Metadata.Name, Rules(role.Rules))
    {
        Labels = Map(role.Metadata.Labels),
        AggregationRule = role.AggregationRule is { } aggregation
            ? new AggregationRule([.. (aggregation.ClusterRoleSelectors ?? []).Select(ToCore)])
            : null,
    };

    public static RoleBinding ToCore(V1RoleBinding binding) =>
        new(binding.Metadata.NamespaceProperty, binding.Metadata.Name, ToCore(binding.RoleRef), Subjects(binding.Subjects)) { Labels = Map(binding.Metadata.Labels) };

    public static ClusterRoleBinding ToCore(V1ClusterRoleBinding binding) =>
        new(binding.Metadata.Name, ToCore(binding.RoleRef), Subjects(binding.Subjects)) { Labels = Map(binding.Metadata.Labels) };

    public static CustomResourceDefinitionObject ToCore(V1CustomResourceDefinition crd) => new(
        crd.Spec.Group,
        crd.Spec.Names.Plural,
        crd.Spec.Names.Singular ?? crd.Spec.Names.Kind.ToLowerInvariant(),
        crd.Spec.Names.Kind,
        [.. crd.Spec.Names.ShortNames ?? []],
        string.Equals(crd.Spec.Scope, "Namespaced", StringComparison.Ordinal));

    public static ConfigMapObject ToCore(V1ConfigMap configMap) =>
        new(configMap.Metadata.NamespaceProperty, configMap.Metadata.Name, Map(configMap.Data))
        {
            Source = $"{configMap.Metadata.NamespaceProperty}/{configMap.Metadata.Name}",
            Labels = Map(configMap.Metadata.Labels),
            Annotations = Map(configMap.Metadata.Annotations),
        };

    public static ImmutableDictionary<string, string> Map(IDictionary<string, string>? values) =>
        values is null || values.Count == 0 ? KubernetesMetadata.Empty : values.ToImmutableDictionary(StringComparer.Ordinal);

    private static LimitRangeItem ToCore(V1LimitRangeItem item) =>
        new(item.Type, Quantities(item.DefaultProperty), Quantities(item.DefaultRequest), Quantities(item.Max), Quantities(item.Min));

    private static LabelSelector ToCore(V1LabelSelector selector) => new(
        Map(selector.MatchLabels),
        [.. (selector.MatchExpressions ?? []).Select(e => new LabelSelectorRequirement(e.Key, e.OperatorProperty, [.. e.Values ?? []]))]);

    private static RoleRef ToCore(V1RoleRef roleRef) => new(roleRef.Kind, roleRef.Name);

    private static ImmutableArray<PolicyRule> Rules(IList<V1PolicyRule>? rules) =>
    [
        .. (rules ?? []).Select(rule => new PolicyRule(
            [.. rule.Verbs ?? []],
            [.. rule.ApiGroups ?? []],
            [.. rule.Resources ?? []],
            [.. rule.ResourceNames ?? []],
            [.. rule.NonResourceURLs ?? []])),
    ];

    private static ImmutableArray<Subject> Subjects(IList<Rbacv1Subject>? subjects) =>
        [.. (subjects ?? []).Select(s => new Subject(s.Kind, s.Name, s.NamespaceProperty ?? ""))];

    private static ImmutableSortedDictionary<string, string> Quantities(IDictionary<string, ResourceQuantity>? values) =>
        values is null
            ? ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
            : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, values.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.ToString())));
}
