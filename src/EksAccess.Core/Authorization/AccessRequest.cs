namespace EksAccess.Core.Authorization;

/// <summary>
/// The attributes RBAC sees (authorizer.Attributes): a resource request, or a non-resource request when
/// <see cref="Path"/> is set. Empty strings mean "absent" (core group, no name, cluster scope / all namespaces).
/// </summary>
public sealed record AccessRequest
{
    public required string Verb { get; init; }
    public string ApiGroup { get; init; } = "";
    public string Resource { get; init; } = "";
    public string Subresource { get; init; } = "";
    public string Name { get; init; } = "";
    public string Namespace { get; init; } = "";

    /// <summary>Non-resource URL path (starts with '/'); null for resource requests.</summary>
    public string? Path { get; init; }

    public bool IsResourceRequest => Path is null;

    public static AccessRequest ForResource(string verb, string apiGroup, string resource, string subresource = "", string name = "", string @namespace = "") =>
        new() { Verb = verb, ApiGroup = apiGroup, Resource = resource, Subresource = subresource, Name = name, Namespace = @namespace };

    public static AccessRequest ForPath(string verb, string path) => new() { Verb = verb, Path = path };

    public override string ToString()
    {
        if (Path is not null)
        {
            return $"{Verb} {Path}";
        }

        var resource = ApiGroup.Length == 0 ? Resource : $"{Resource}.{ApiGroup}";
        var sub = Subresource.Length == 0 ? "" : $" --subresource={Subresource}";
        var name = Name.Length == 0 ? "" : $" {Name}";
        var ns = Namespace.Length == 0 ? "" : $" -n {Namespace}";
        return $"{Verb} {resource}{name}{sub}{ns}";
    }
}
