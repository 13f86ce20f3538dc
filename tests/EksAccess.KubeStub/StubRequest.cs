namespace EksAccess.KubeStub;

/// <summary>
/// One API request as the stub routed it: the HTTP method and path, the Kubernetes verb (get, list, create, update,
/// patch, delete), and the resource, namespace and name it names (null for discovery).
/// </summary>
public sealed record StubRequest(string Method, string Path, string Verb, KubeResource? Resource, string? Namespace, string? Name, string? FieldManager)
{
    public override string ToString() => $"{Method} {Path}";
}
