using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Text;

namespace EksAccess.Core.Rendering;

/// <summary>
/// Writes the Kubernetes half of a snapshot as <c>kubectl get KIND -A -o yaml</c> prints it: one <c>kind: List</c>
/// file per kind (namespaces.yaml, resourcequotas.yaml, …) and <c>aws-auth.yaml</c>, holding exactly the fields
/// <see cref="SnapshotLoader"/> reads, so that loading the files gives back the same records (sources aside).
/// Kinds with no objects get no file.
/// </summary>
public static class KubernetesSnapshotWriter
{
    public const string AwsAuthFileName = "aws-auth.yaml";

    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";

    public static ImmutableArray<SnapshotFile> Write(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var files = ImmutableArray.CreateBuilder<SnapshotFile>();

        void AddList<T>(string fileName, ImmutableArray<T> items, Func<T, YamlMapping> write)
        {
            if (items.IsDefaultOrEmpty)
            {
                return;
            }

            var list = new YamlMapping()
                .Add("apiVersion", "v1")
                .Add("items", new YamlSequence(items.Select(item => (YamlNode)write(item))))
                .Add("kind", "List")
                .Add("metadata", new YamlMapping().Add("resourceVersion", ""));
            files.Add(new SnapshotFile(fileName, YamlEmitter.Emit(list)));
        }

        AddList("namespaces.yaml", snapshot.Namespaces, ns => Object("v1", "Namespace", null, ns.Name, ns.Labels));
        AddList("resourcequotas.yaml", snapshot.ResourceQuotas, quota => Object("v1", "ResourceQuota", quota.Namespace, quota.Name, quota.Labels)
            .Add("spec", new YamlMapping().Add("hard", YamlMapping.FromDictionary(quota.Hard, quoteValues: true))));
        AddList("limitranges.yaml", snapshot.LimitRanges, limits => Object("v1", "LimitRange", limits.Namespace, limits.Name, limits.Labels)
            .Add("spec", new YamlMapping().Add("limits", new YamlSequence(limits.Limits.Select(LimitItem)))));
        AddList("serviceaccounts.yaml", snapshot.ServiceAccounts, sa => Object("v1", "ServiceAccount", sa.Namespace, sa.Name, sa.Labels));
        AddList("clusterroles.yaml", snapshot.ClusterRoles, ClusterRole);
        AddList("roles.yaml", snapshot.Roles, role => Object(RbacApiVersion, "Role", role.Namespace, role.Name, role.Labels).Add("rules", Rules(role.Rules)));
        AddList("rolebindings.yaml", snapshot.RoleBindings, binding => Binding("RoleBinding", binding.Namespace, binding.Name, binding.Labels, binding.RoleRef, binding.Subjects));
        AddList("clusterrolebindings.yaml", snapshot.ClusterRoleBindings, binding => Binding("ClusterRoleBinding", null, binding.Name, binding.Labels, binding.RoleRef, binding.Subjects));
        AddList("customresourcedefinitions.yaml", snapshot.CustomResourceDefinitions, CustomResourceDefinition);

        if (snapshot.AwsAuth is { } awsAuth)
        {
            var configMap = Object("v1", "ConfigMap", awsAuth.Namespace, awsAuth.Name, awsAuth.Labels, awsAuth.Annotations);
            configMap.Entries.Insert(1, new KeyValuePair<string, YamlNode>("data", YamlMapping.FromDictionary(awsAuth.Data)));
            files.Add(new SnapshotFile(AwsAuthFileName, YamlEmitter.Emit(configMap)));
        }

        return files.ToImmutable();
    }

    /// <summary>apiVersion, kind, metadata (kubectl's key order: annotations, labels, name, namespace).</summary>
    private static YamlMapping Object(
        string apiVersion,
        string kind,
        string? ns,
        string name,
        IReadOnlyDictionary<string, string> labels,
        IReadOnlyDictionary<string, string>? annotations = null)
    {
        var metadata = new YamlMapping()
            .AddIfAny("annotations", annotations ?? KubernetesMetadata.Empty)
            .AddIfAny("labels", labels)
            .Add("name", name);
        if (ns is not null)
        {
            metadata.Add("namespace", ns);
        }

        return new YamlMapping().Add("apiVersion", apiVersion).Add("kind", kind).Add("metadata", metadata);
    }

    private static YamlMapping ClusterRole(ClusterRole role)
    {
        var manifest = new YamlMapping().Add("apiVersion", RbacApiVersion);
        if (role.AggregationRule is { } aggregation)
        {
            var selectors = new YamlSequence();
            foreach (var selector in aggregation.ClusterRoleSelectors)
            {
                var mapping = new YamlMapping();
                if (!selector.MatchExpressions.IsDefaultOrEmpty)
                {
                    mapping.Add("matchExpressions", new YamlSequence(selector.MatchExpressions.Select(e =>
                        (YamlNode)new YamlMapping().Add("key", e.Key).Add("operator", e.Operator).AddIfAny("values", e.Values))));
                }

                mapping.AddIfAny("matchLabels", selector.MatchLabels ?? KubernetesMetadata.Empty);
                selectors.Add(mapping);
            }

            manifest.Add("aggregationRule", new YamlMapping().Add("clusterRoleSelectors", selectors));
        }

        var withMetadata = Object(RbacApiVersion, "ClusterRole", null, role.Name, role.Labels);
        foreach (var entry in withMetadata.Entries.Skip(1))
        {
            manifest.Add(entry.Key, entry.Value);
        }

        return manifest.Add("rules", Rules(role.Rules));
    }

    private static YamlMapping Binding(string kind, string? ns, string name, IReadOnlyDictionary<string, string> labels, RoleRef roleRef, ImmutableArray<Subject> subjects)
    {
        var sequence = new YamlSequence();
        foreach (var subject in subjects.IsDefault ? [] : subjects)
        {
            var mapping = new YamlMapping();
            if (!string.Equals(subject.Kind, Subject.ServiceAccountKind, StringComparison.Ordinal))
            {
                mapping.Add("apiGroup", KubernetesManifestRenderer.RbacApiGroup);
            }

            mapping.Add("kind", subject.Kind).Add("name", subject.Name);
            if (subject.Namespace.Length > 0)
            {
                mapping.Add("namespace", subject.Namespace);
            }

            sequence.Add(mapping);
        }

        var manifest = Object(RbacApiVersion, kind, ns, name, labels)
            .Add("roleRef", new YamlMapping().Add("apiGroup", KubernetesManifestRenderer.RbacApiGroup).Add("kind", roleRef.Kind).Add("name", roleRef.Name));
        return sequence.Items.Count == 0 ? manifest : manifest.Add("subjects", sequence);
    }

    private static YamlSequence Rules(ImmutableArray<PolicyRule> rules)
    {
        var sequence = new YamlSequence();
        foreach (var rule in rules.IsDefault ? [] : rules)
        {
            sequence.Add(new YamlMapping()
                .AddIfAny("apiGroups", Items(rule.ApiGroups))
                .AddIfAny("nonResourceURLs", Items(rule.NonResourceUrls))
                .AddIfAny("resourceNames", Items(rule.ResourceNames))
                .AddIfAny("resources", Items(rule.Resources))
                .Add("verbs", YamlSequence.Of(Items(rule.Verbs))));
        }

        return sequence;
    }

    private static ImmutableArray<string> Items(ImmutableArray<string> values) => values.IsDefault ? [] : values;

    private static YamlNode LimitItem(LimitRangeItem item) =>
        new YamlMapping()
            .AddIfAny("default", item.Default, quoteValues: true)
            .AddIfAny("defaultRequest", item.DefaultRequest, quoteValues: true)
            .AddIfAny("max", item.Max, quoteValues: true)
            .AddIfAny("min", item.Min, quoteValues: true)
            .Add("type", item.Type);

    private static YamlMapping CustomResourceDefinition(CustomResourceDefinitionObject crd)
    {
        var names = new YamlMapping().Add("kind", crd.Kind).Add("plural", crd.Plural);
        if (!crd.ShortNames.IsDefaultOrEmpty)
        {
            names.Add("shortNames", YamlSequence.Of(crd.ShortNames));
        }

        names.Add("singular", crd.Singular);
        return Object("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, $"{crd.Plural}.{crd.Group}", KubernetesMetadata.Empty)
            .Add("spec", new YamlMapping()
                .Add("group", crd.Group)
                .Add("names", names)
                .Add("scope", crd.Namespaced ? "Namespaced" : "Cluster"));
    }
}
