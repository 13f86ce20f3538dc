using EksAccess.Core.Authorization;

namespace EksAccess.Core.Evaluation;

/// <summary>A column of the access matrix: a label (as a can-i string) and the request it makes in a namespace.</summary>
public sealed record MatrixAction(string Label, string Verb, string ApiGroup, string Resource, string Subresource = "")
{
    public AccessRequest In(string @namespace) => AccessRequest.ForResource(Verb, ApiGroup, Resource, Subresource, "", @namespace);

    /// <summary>The twenty actions people ask about first: workloads, their logs and shells, config, secrets, RBAC.</summary>
    public static IReadOnlyList<MatrixAction> Common { get; } =
    [
        new("get pods", "get", "", "pods"),
        new("list pods", "list", "", "pods"),
        new("create pods", "create", "", "pods"),
        new("delete pods", "delete", "", "pods"),
        new("get pods/log", "get", "", "pods", "log"),
        new("create pods/exec", "create", "", "pods", "exec"),
        new("list deployments.apps", "list", "apps", "deployments"),
        new("create deployments.apps", "create", "apps", "deployments"),
        new("update deployments.apps", "update", "apps", "deployments"),
        new("delete deployments.apps", "delete", "apps", "deployments"),
        new("patch deployments.apps/scale", "patch", "apps", "deployments", "scale"),
        new("create services", "create", "", "services"),
        new("list configmaps", "list", "", "configmaps"),
        new("create configmaps", "create", "", "configmaps"),
        new("get secrets", "get", "", "secrets"),
        new("list secrets", "list", "", "secrets"),
        new("create jobs.batch", "create", "batch", "jobs"),
        new("create ingresses.networking.k8s.io", "create", "networking.k8s.io", "ingresses"),
        new("create rolebindings.rbac.authorization.k8s.io", "create", "rbac.authorization.k8s.io", "rolebindings"),
        new("delete namespaces", "delete", "", "namespaces"),
    ];
}
