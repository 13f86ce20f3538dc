using System.Collections.Immutable;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Evaluation;

/// <summary>
/// Turns a can-i query into the attributes RBAC sees. Two modes:
/// <see cref="RequestMode.SubjectAccessReview"/> is what <c>kubectl auth can-i</c> posts (the namespace as given, even on
/// cluster-scoped types); <see cref="RequestMode.RealRequest"/> is what the API server derives from the real
/// <c>kubectl VERB TYPE</c> call (RequestInfo): cluster-scoped types lose the namespace and a Namespace object
/// lives in itself — the mode verify uses, since its checks describe real commands.
/// </summary>
public static class RequestBuilder
{
    public static BuiltRequest Build(CanIQuery query, ResourceCatalog resources, RequestMode mode)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(resources);
        if (query.Path is not null)
        {
            return new BuiltRequest(AccessRequest.ForPath(query.Verb, query.Path), []);
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        _ = resources.TryResolve(query.ResourceArg, query.ApiGroup, out var resolved);
        if (resolved.Warning is not null)
        {
            warnings.Add(resolved.Warning);
        }

        var @namespace = query.AllNamespaces ? "" : query.Namespace;
        if (resolved.Namespaced == false && @namespace.Length > 0)
        {
            if (mode == RequestMode.RealRequest)
            {
                @namespace = "";
            }
            else
            {
                warnings.Add($"resource '{resolved.Resource}' is not namespace scoped");
            }
        }

        if (mode == RequestMode.RealRequest && IsNamespaceObject(resolved) && query.Name.Length > 0)
        {
            @namespace = query.Name;
        }

        var request = AccessRequest.ForResource(query.Verb, resolved.Group, resolved.Resource, query.Subresource, query.Name, @namespace);
        return new BuiltRequest(request, warnings.ToImmutable());
    }

    private static bool IsNamespaceObject(ResolvedResource resource) =>
        resource.Group.Length == 0 && string.Equals(resource.Resource, "namespaces", StringComparison.Ordinal);
}
