using System.Text.Json.Nodes;
using EksAccess.Core.Authorization;

namespace EksAccess.KubeStub;

/// <summary>What a fresh cluster holds: the four system namespaces and the default ClusterRoles and ClusterRoleBindings (bootstrap policy).</summary>
internal static class KubeSeed
{
    public const string ApiServerManager = "kube-apiserver";

    public static void Defaults(KubeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            store.Create(KubeResource.ByPlural("namespaces"), null, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject { ["name"] = ns },
            }, ApiServerManager);
        }

        foreach (var role in DefaultRbac.ClusterRoles)
        {
            store.Create(KubeResource.ByPlural("clusterroles"), null, ClusterRole(role), ApiServerManager);
        }

        foreach (var binding in DefaultRbac.ClusterRoleBindings)
        {
            store.Create(KubeResource.ByPlural("clusterrolebindings"), null, ClusterRoleBinding(binding), ApiServerManager);
        }
    }

    public static JsonObject ClusterRole(ClusterRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var obj = new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRole",
            ["metadata"] = new JsonObject { ["name"] = role.Name, ["labels"] = Map(role.Labels) },
        };
        if (role.AggregationRule is not { } aggregation)
        {
            obj["rules"] = Rules(role.Rules);
        }
        else
        {
            // As the bootstrap policy: an aggregated role is created without rules; the controller fills them in.
            obj["aggregationRule"] = new JsonObject
            {
                ["clusterRoleSelectors"] = new JsonArray([.. aggregation.ClusterRoleSelectors.Select(s => (JsonNode)new JsonObject
                {
                    ["matchLabels"] = Map(s.MatchLabels ?? System.Collections.Immutable.ImmutableDictionary<string, string>.Empty),
                })]),
            };
        }

        return obj;
    }

    public static JsonObject ClusterRoleBinding(ClusterRoleBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRoleBinding",
            ["metadata"] = new JsonObject { ["name"] = binding.Name, ["labels"] = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" } },
            ["roleRef"] = new JsonObject { ["apiGroup"] = KubeResource.RbacGroup, ["kind"] = binding.RoleRef.Kind, ["name"] = binding.RoleRef.Name },
            ["subjects"] = new JsonArray([.. binding.Subjects.Select(s =>
            {
                var subject = new JsonObject { ["kind"] = s.Kind, ["name"] = s.Name };
                if (s.Namespace.Length > 0)
                {
                    subject["namespace"] = s.Namespace;
                }

                return (JsonNode)subject;
            })]),
        };
    }

    private static JsonArray Rules(IEnumerable<PolicyRule> rules) =>
    [
        .. rules.Select(r =>
        {
            var rule = new JsonObject();
            if (!r.ApiGroups.IsDefaultOrEmpty || !r.Resources.IsDefaultOrEmpty)
            {
                rule["apiGroups"] = Strings(r.ApiGroups);
                rule["resources"] = Strings(r.Resources);
            }

            if (!r.ResourceNames.IsDefaultOrEmpty)
            {
                rule["resourceNames"] = Strings(r.ResourceNames);
            }

            if (!r.NonResourceUrls.IsDefaultOrEmpty)
            {
                rule["nonResourceURLs"] = Strings(r.NonResourceUrls);
            }

            rule["verbs"] = Strings(r.Verbs);
            return (JsonNode)rule;
        }),
    ];

    private static JsonArray Strings(System.Collections.Immutable.ImmutableArray<string> values) =>
        [.. (values.IsDefault ? [] : values).Select(v => (JsonNode)v)];

    private static JsonObject Map(IReadOnlyDictionary<string, string> values) =>
        new(values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
