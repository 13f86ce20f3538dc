namespace EksAccess.Core.Rendering;

/// <summary>
/// One Kubernetes object eksaccess writes: what <c>render --format k8s</c> puts in a file and what apply sends as the
/// server-side apply body (<see cref="Yaml"/>). <see cref="Resource"/> is the plural the API path uses
/// (<c>roles</c>); <see cref="Namespace"/> is null for cluster-scoped kinds.
/// </summary>
public sealed record KubernetesManifest(string ApiVersion, string Kind, string Resource, string? Namespace, string Name, string Yaml)
{
    /// <summary>The API group: "" for core (v1), else the part of apiVersion before '/'.</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary><c>namespace/name</c>, or the name for cluster-scoped objects.</summary>
    public string Id => Namespace is null ? Name : $"{Namespace}/{Name}";
}
