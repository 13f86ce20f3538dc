using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>
/// The Kubernetes default (bootstrap) ClusterRoles and ClusterRoleBindings that exist on every real cluster
/// (v1.34 defaults, from the embedded Resources/k8s-default-clusterroles.yaml, plus the bindings its header lists).
/// </summary>
public static class DefaultRbac
{
    public const string ResourceFileName = "k8s-default-clusterroles.yaml";

    private const string Source = "default (bootstrap policy)";

    private static readonly Lazy<ImmutableArray<ClusterRole>> LazyRoles = new(LoadRoles, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ImmutableArray<ClusterRoleBinding>> LazyBindings = new(CreateBindings, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The default ClusterRoles, aggregated roles already filled as the controller leaves them.</summary>
    public static ImmutableArray<ClusterRole> ClusterRoles => LazyRoles.Value;

    /// <summary>
    /// The default ClusterRoleBindings that grant something to ordinary identities: cluster-admin → system:masters,
    /// system:basic-user and system:discovery → system:authenticated, system:public-info-viewer → authenticated and
    /// unauthenticated, system:service-account-issuer-discovery → system:serviceaccounts, system:monitoring →
    /// system:monitoring. The component bindings without subjects are omitted: they apply to nobody.
    /// </summary>
    public static ImmutableArray<ClusterRoleBinding> ClusterRoleBindings => LazyBindings.Value;

    /// <summary>
    /// Merges a snapshot's ClusterRoles/ClusterRoleBindings over the defaults — a snapshot object replaces the default of
    /// the same name — and re-runs the aggregation controller over the merged roles (so a user ClusterRole labelled
    /// aggregate-to-view appears in view, edit and admin). Snapshot objects come first, in their order, then the
    /// defaults that were not replaced.
    /// </summary>
    public static DefaultRbacMerge MergeInto(IEnumerable<ClusterRole> clusterRoles, IEnumerable<ClusterRoleBinding> clusterRoleBindings)
    {
        ArgumentNullException.ThrowIfNull(clusterRoles);
        ArgumentNullException.ThrowIfNull(clusterRoleBindings);
        var roles = clusterRoles.ToList();
        var roleNames = roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        roles.AddRange(ClusterRoles.Where(r => !roleNames.Contains(r.Name)));

        var bindings = clusterRoleBindings.ToList();
        var bindingNames = bindings.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        bindings.AddRange(ClusterRoleBindings.Where(b => !bindingNames.Contains(b.Name)));

        return new DefaultRbacMerge(ClusterRoleAggregator.Aggregate(roles), [.. bindings]);
    }

    private static ImmutableArray<ClusterRole> LoadRoles()
    {
        var text = EmbeddedYaml.ReadResource(ResourceFileName);
        var roles = ImmutableArray.CreateBuilder<ClusterRole>();
        foreach (var document in EmbeddedYaml.Documents(text, ResourceFileName))
        {
            if (!string.Equals(EmbeddedYaml.Scalar(document, "kind"), "ClusterRole", StringComparison.Ordinal))
            {
                continue;
            }

            roles.Add(ReadClusterRole(document));
        }

        // system:monitoring is not in the reference file, but its default ClusterRoleBinding is. Its rules, from upstream
        // bootstrap policy testdata (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml
        // @025f2834): get on the health and metrics endpoints. Without it the default binding would point at a
        // role every real cluster has.
        roles.Add(new ClusterRole(
            "system:monitoring",
            [PolicyRule.ForNonResourceUrls(["/healthz", "/healthz/*", "/livez", "/livez/*", "/metrics", "/metrics/slis", "/readyz", "/readyz/*"], ["get"])])
        {
            Labels = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal).Add("kubernetes.io/bootstrapping", "rbac-defaults"),
            Source = Source,
        });
        return roles.ToImmutable();
    }

    private static ClusterRole ReadClusterRole(YamlDotNet.RepresentationModel.YamlMappingNode document)
    {
        const string path = ResourceFileName;
        var metadata = EmbeddedYaml.Child(document, "metadata") as YamlDotNet.RepresentationModel.YamlMappingNode
            ?? throw new InvalidDataException($"{path}:{document.Start.Line}: ClusterRole without metadata");
        var name = EmbeddedYaml.Scalar(metadata, "name") ?? throw new InvalidDataException($"{path}:{document.Start.Line}: ClusterRole without a name");
        var rules = EmbeddedYaml.Mappings(document, "rules", path).Select(r => EmbeddedYaml.ReadRule(r, path)).ToImmutableArray();
        AggregationRule? aggregation = null;
        if (EmbeddedYaml.Child(document, "aggregationRule") is YamlDotNet.RepresentationModel.YamlMappingNode aggregationNode)
        {
            var selectors = EmbeddedYaml.Mappings(aggregationNode, "clusterRoleSelectors", path)
                .Select(s => new LabelSelector(
                    EmbeddedYaml.StringMap(s, "matchLabels", path),
                    [.. EmbeddedYaml.Mappings(s, "matchExpressions", path).Select(e => new LabelSelectorRequirement(
                        EmbeddedYaml.Scalar(e, "key") ?? "",
                        EmbeddedYaml.Scalar(e, "operator") ?? "",
                        EmbeddedYaml.Strings(e, "values", path)))]))
                .ToImmutableArray();
            aggregation = new AggregationRule(selectors);
        }

        return new ClusterRole(name, rules)
        {
            Labels = EmbeddedYaml.StringMap(metadata, "labels", path),
            AggregationRule = aggregation,
            Source = Source,
        };
    }

    private static ImmutableArray<ClusterRoleBinding> CreateBindings() =>
    [
        Binding("cluster-admin", "cluster-admin", "system:masters"),
        Binding("system:basic-user", "system:basic-user", "system:authenticated"),
        Binding("system:discovery", "system:discovery", "system:authenticated"),
        Binding("system:public-info-viewer", "system:public-info-viewer", "system:authenticated", "system:unauthenticated"),
        Binding("system:service-account-issuer-discovery", "system:service-account-issuer-discovery", "system:serviceaccounts"),
        Binding("system:monitoring", "system:monitoring", "system:monitoring"),
    ];

    private static ClusterRoleBinding Binding(string name, string clusterRole, params string[] groups) =>
        new(name, new RoleRef(RoleRef.ClusterRoleKind, clusterRole), [.. groups.Select(g => new Subject(Subject.GroupKind, g))])
        {
            Source = Source,
        };
}
