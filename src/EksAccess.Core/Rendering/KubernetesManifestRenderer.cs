using System.Collections.Immutable;
using System.Text;
using EksAccess.Core.Authorization;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;
using EksAccess.Core.Text;

namespace EksAccess.Core.Rendering;

/// <summary>
/// Renders the Kubernetes objects of a desired <see cref="ClusterSnapshot"/> as kubectl-ready YAML, one object per
/// file under <c>k8s/</c>, named so that a directory listing is the apply order: namespaces, quotas, limit ranges,
/// ClusterRoles, Roles, RoleBindings, ClusterRoleBindings, then the aws-auth ConfigMap. Every object carries
/// <c>app.kubernetes.io/managed-by: eksaccess</c>. Access entries are AWS API objects, not manifests: not rendered here.
/// </summary>
public static class KubernetesManifestRenderer
{
    public const string Folder = "k8s";
    public const string RbacApiGroup = "rbac.authorization.k8s.io";
    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";

    public static ImmutableArray<RenderedFile> Render(ClusterSnapshot desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var files = new FileNamer();
        return
        [
            .. Manifests(desired).Select(manifest =>
            {
                var kind = manifest.Kind.ToLowerInvariant();
                var order = FileOrder(manifest.Kind);
                var stem = manifest.Namespace is null ? $"{order}-{kind}-{manifest.Name}" : $"{order}-{kind}-{manifest.Namespace}-{manifest.Name}";
                return new RenderedFile(files.Claim(stem), manifest.Yaml);
            }),
        ];
    }

    /// <summary>
    /// Every object of <paramref name="desired"/> in apply order (namespaces, quotas, limit ranges, ClusterRoles, Roles,
    /// RoleBindings, ClusterRoleBindings, aws-auth), each with <c>app.kubernetes.io/managed-by: eksaccess</c>. An
    /// aggregated ClusterRole gets no <c>rules</c>: the aggregation controller owns them.
    /// </summary>
    public static ImmutableArray<KubernetesManifest> Manifests(ClusterSnapshot desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var result = ImmutableArray.CreateBuilder<KubernetesManifest>();

        void Add(string apiVersion, string kind, string resource, string? ns, string name, YamlMapping manifest) =>
            result.Add(new KubernetesManifest(apiVersion, kind, resource, ns, name, YamlEmitter.Emit(manifest)));

        foreach (var ns in desired.Namespaces)
        {
            Add("v1", "Namespace", "namespaces", null, ns.Name, Object("v1", "Namespace", null, ns.Name, ns.Labels));
        }

        foreach (var quota in desired.ResourceQuotas)
        {
            Add("v1", "ResourceQuota", "resourcequotas", quota.Namespace, quota.Name, Object("v1", "ResourceQuota", quota.Namespace, quota.Name)
                .Add("spec", new YamlMapping().Add("hard", YamlMapping.FromDictionary(quota.Hard, quoteValues: true))));
        }

        foreach (var limits in desired.LimitRanges)
        {
            Add("v1", "LimitRange", "limitranges", limits.Namespace, limits.Name, Object("v1", "LimitRange", limits.Namespace, limits.Name)
                .Add("spec", new YamlMapping().Add("limits", new YamlSequence(limits.Limits.Select(LimitItem)))));
        }

        foreach (var role in desired.ClusterRoles)
        {
            var manifest = Object(RbacApiVersion, "ClusterRole", null, role.Name, role.Labels);
            if (role.AggregationRule is not null)
            {
                manifest.Add("aggregationRule", AggregationRule(role.AggregationRule));
            }
            else
            {
                manifest.Add("rules", Rules(role.Rules));
            }

            Add(RbacApiVersion, "ClusterRole", "clusterroles", null, role.Name, manifest);
        }

        foreach (var role in desired.Roles)
        {
            Add(RbacApiVersion, "Role", "roles", role.Namespace, role.Name, Object(RbacApiVersion, "Role", role.Namespace, role.Name).Add("rules", Rules(role.Rules)));
        }

        foreach (var binding in desired.RoleBindings)
        {
            Add(RbacApiVersion, "RoleBinding", "rolebindings", binding.Namespace, binding.Name, Object(RbacApiVersion, "RoleBinding", binding.Namespace, binding.Name)
                .Add("roleRef", RoleRef(binding.RoleRef))
                .Add("subjects", Subjects(binding.Subjects)));
        }

        foreach (var binding in desired.ClusterRoleBindings)
        {
            Add(RbacApiVersion, "ClusterRoleBinding", "clusterrolebindings", null, binding.Name, Object(RbacApiVersion, "ClusterRoleBinding", null, binding.Name)
                .Add("roleRef", RoleRef(binding.RoleRef))
                .Add("subjects", Subjects(binding.Subjects)));
        }

        if (desired.AwsAuth is { } awsAuth)
        {
            var manifest = Object("v1", "ConfigMap", awsAuth.Namespace, awsAuth.Name);
            if (awsAuth.Data.Count > 0)
            {
                manifest.Add("data", YamlMapping.FromDictionary(awsAuth.Data));
            }

            Add("v1", "ConfigMap", "configmaps", awsAuth.Namespace, awsAuth.Name, manifest);
        }

        return result.ToImmutable();
    }

    private static string FileOrder(string kind) => kind switch
    {
        "Namespace" => "00",
        "ResourceQuota" => "01",
        "LimitRange" => "02",
        "ClusterRole" => "03",
        "Role" => "04",
        "RoleBinding" => "05",
        "ClusterRoleBinding" => "06",
        _ => "07",
    };

    /// <summary>The files as one multi-document YAML stream (<c>---</c> between documents), for stdout or <c>kubectl apply -f -</c>.</summary>
    public static string ToStream(IEnumerable<RenderedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var builder = new StringBuilder();
        foreach (var file in files)
        {
            if (builder.Length > 0)
            {
                builder.Append("---\n");
            }

            builder.Append(file.Content);
        }

        return builder.ToString();
    }

    private static YamlMapping Object(string apiVersion, string kind, string? ns, string name, IEnumerable<KeyValuePair<string, string>>? labels = null)
    {
        var metadata = new YamlMapping().Add("name", name);
        if (ns is not null)
        {
            metadata.Add("namespace", ns);
        }

        var allLabels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels ?? [])
        {
            allLabels[key] = value;
        }

        allLabels[DesiredState.ManagedByLabel] = DesiredState.ManagedByValue;
        metadata.Add("labels", YamlMapping.FromDictionary(allLabels));
        return new YamlMapping().Add("apiVersion", apiVersion).Add("kind", kind).Add("metadata", metadata);
    }

    private static YamlSequence Rules(ImmutableArray<PolicyRule> rules)
    {
        var sequence = new YamlSequence();
        foreach (var rule in rules)
        {
            var mapping = new YamlMapping();
            if (rule.NonResourceUrls.IsDefaultOrEmpty || !rule.Resources.IsDefaultOrEmpty || !rule.ApiGroups.IsDefaultOrEmpty)
            {
                mapping.Add("apiGroups", YamlSequence.Of(rule.ApiGroups.IsDefault ? [] : rule.ApiGroups));
                mapping.AddIfAny("resources", rule.Resources.IsDefault ? [] : rule.Resources);
                mapping.AddIfAny("resourceNames", rule.ResourceNames.IsDefault ? [] : rule.ResourceNames);
            }

            mapping.AddIfAny("nonResourceURLs", rule.NonResourceUrls.IsDefault ? [] : rule.NonResourceUrls);
            mapping.Add("verbs", YamlSequence.Of(rule.Verbs.IsDefault ? [] : rule.Verbs));
            sequence.Add(mapping);
        }

        return sequence;
    }

    private static YamlMapping RoleRef(RoleRef roleRef) =>
        new YamlMapping().Add("apiGroup", RbacApiGroup).Add("kind", roleRef.Kind).Add("name", roleRef.Name);

    private static YamlSequence Subjects(ImmutableArray<Subject> subjects)
    {
        var sequence = new YamlSequence();
        foreach (var subject in subjects)
        {
            var mapping = new YamlMapping();
            if (!string.Equals(subject.Kind, Subject.ServiceAccountKind, StringComparison.Ordinal))
            {
                mapping.Add("apiGroup", RbacApiGroup);
            }

            mapping.Add("kind", subject.Kind).Add("name", subject.Name);
            if (subject.Namespace.Length > 0)
            {
                mapping.Add("namespace", subject.Namespace);
            }

            sequence.Add(mapping);
        }

        return sequence;
    }

    private static YamlMapping LimitItem(LimitRangeItem item) =>
        new YamlMapping()
            .Add("type", item.Type)
            .AddIfAny("default", item.Default, quoteValues: true)
            .AddIfAny("defaultRequest", item.DefaultRequest, quoteValues: true)
            .AddIfAny("max", item.Max, quoteValues: true)
            .AddIfAny("min", item.Min, quoteValues: true);

    private static YamlMapping AggregationRule(AggregationRule rule)
    {
        var selectors = new YamlSequence();
        foreach (var selector in rule.ClusterRoleSelectors)
        {
            var mapping = new YamlMapping().AddIfAny("matchLabels", selector.MatchLabels);
            if (!selector.MatchExpressions.IsDefaultOrEmpty)
            {
                mapping.Add("matchExpressions", new YamlSequence(selector.MatchExpressions.Select(e =>
                    (YamlNode)new YamlMapping().Add("key", e.Key).Add("operator", e.Operator).AddIfAny("values", e.Values))));
            }

            selectors.Add(mapping);
        }

        return new YamlMapping().Add("clusterRoleSelectors", selectors);
    }

    /// <summary>File names from object names: characters other than [A-Za-z0-9._-] become '-', and a clash gets a numeric suffix.</summary>
    private sealed class FileNamer
    {
        private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

        public string Claim(string stem)
        {
            var safe = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')]);
            var path = $"{Folder}/{safe}.yaml";
            for (var i = 2; !_used.Add(path); i++)
            {
                path = $"{Folder}/{safe}-{i}.yaml";
            }

            return path;
        }
    }
}
