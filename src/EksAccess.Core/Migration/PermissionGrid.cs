using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Migration;

/// <summary>
/// The requests the proof asks for every principal: every resource the snapshot knows (built-ins and CRDs) × the eight
/// resource verbs × every namespace plus all namespaces (cluster-scoped resources once), the subresources and verbs that
/// grant more than their resource (exec, attach, port-forward, token, eviction, proxy; impersonate, bind, escalate), and
/// the non-resource URLs kube-apiserver serves.
/// </summary>
public static class PermissionGrid
{
    public static ImmutableArray<string> Verbs { get; } = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];

    public static ImmutableArray<string> NonResourceUrls { get; } =
        ["/", "/api", "/apis", "/healthz", "/livez", "/readyz", "/version", "/metrics", "/openapi/v2", "/openapi/v3", "/logs"];

    private static readonly (string Verb, string Group, string Resource, string Subresource, bool Namespaced)[] Special =
    [
        ("create", "", "pods", "exec", true),
        ("create", "", "pods", "attach", true),
        ("create", "", "pods", "portforward", true),
        ("get", "", "pods", "log", true),
        ("create", "", "pods", "eviction", true),
        ("create", "", "serviceaccounts", "token", true),
        ("impersonate", "", "serviceaccounts", "", true),
        ("bind", "rbac.authorization.k8s.io", "roles", "", true),
        ("escalate", "rbac.authorization.k8s.io", "roles", "", true),
        ("get", "", "nodes", "proxy", false),
        ("impersonate", "", "users", "", false),
        ("impersonate", "", "groups", "", false),
        ("bind", "rbac.authorization.k8s.io", "clusterroles", "", false),
        ("escalate", "rbac.authorization.k8s.io", "clusterroles", "", false),
    ];

    public static ImmutableArray<AccessRequest> Build(ResourceCatalog resources, IReadOnlyCollection<string> namespaces)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(namespaces);
        var scopes = namespaces.Prepend("").ToArray();
        var result = ImmutableArray.CreateBuilder<AccessRequest>();
        foreach (var resource in resources.Resources)
        {
            foreach (var ns in resource.Namespaced ? scopes : [""])
            {
                foreach (var verb in Verbs)
                {
                    result.Add(AccessRequest.ForResource(verb, resource.Group, resource.Plural, "", "", ns));
                }
            }
        }

        foreach (var (verb, group, resource, subresource, namespaced) in Special)
        {
            foreach (var ns in namespaced ? scopes : [""])
            {
                result.Add(AccessRequest.ForResource(verb, group, resource, subresource, "", ns));
            }
        }

        foreach (var url in NonResourceUrls)
        {
            result.Add(AccessRequest.ForPath("get", url));
        }

        return result.ToImmutable();
    }
}
