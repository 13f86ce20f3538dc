using System.Collections.Immutable;
using System.Text;
using EksAccess.Core.Authorization;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;

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
        var result = ImmutableArray.CreateBuilder<RenderedFile>();

        void Add(string order, string kind, string? ns, string name, YamlMapping manifest)
        {
            var stem = ns is null ? $"{order}-{kind}-{name}" : $"{order}-{kind}-{ns}-{name}";
            result.Add(new RenderedFile(files.Claim(stem), YamlEmitter.Emit(manifest)));
        }

        foreach (var ns in desired.Namespaces)
        {
            Add("00", "namespace", null, ns.Name, Object("v1", "Namespace", null, ns.Name, ns.Labels));
        }

        foreach (var quota in desired.ResourceQuotas)
        {
            Add("01", "resourcequota", quota.Namespace, quota.Name, Object("v1", "ResourceQuota", quota.Namespace, quota.Name)
                .Add("spec", new YamlMapping().Add("hard", YamlMapping.FromDictionary(quota.Hard, quoteValues: true))));
        }

        foreach (var limits in desired.LimitRanges)
        {
            Add("02", "limitrange", limits.Namespace, limits.Name, Object("v1", "LimitRange", limits.Namespace, limits.Name)
                .Add("spec", new YamlMapping().Add("limits", new YamlSequence(limits.Limits.Select(LimitItem)))));
        }

        foreach (var role in desired.ClusterRoles)
        {
            var manifest = Object(RbacApiVersion, "ClusterRole", null, role.Name, role.Labels);
            if (role.AggregationRule is not null)
            {
                manifest.Add("aggregationRule", AggregationRule(role.AggregationRule));
            }

            Add("03", "clusterrole", null, role.Name, manifest.Add("rules", Rules(role.Rules)));
        }

        foreach (var role in desired.Roles)
        {
            Add("04", "role", role.Namespace, role.Name, Object(RbacApiVersion, "Role", role.Namespace, role.Name).Add("rules", Rules(role.Rules)));
        }

        foreach (var binding in desired.RoleBindings)
        {
            Add("05", "rolebinding", binding.Namespace, binding.Name, Object(RbacApiVersion, "RoleBinding", binding.Namespace, binding.Name)
                .Add("roleRef", RoleRef(binding.RoleRef))
                .Add("subjects", Subjects(binding.Subjects)));
        }

        foreach (var binding in desired.ClusterRoleBindings)
        {
            Add("06", "clusterrolebinding", null, binding.Name, Object(RbacApiVersion, "ClusterRoleBinding", null, binding.Name)
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

            Add("07", "configmap", awsAuth.Namespace, awsAuth.Name, manifest);
        }

        return result.ToImmutable();
    }

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
