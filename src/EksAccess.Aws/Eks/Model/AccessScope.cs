namespace EksAccess.Aws.Eks.Model;

/// <summary>The scope of an associated access policy (type: see <see cref="AccessScopeType"/>).</summary>
internal sealed record AccessScope
{
    public string? Type { get; init; }

    public List<string>? Namespaces { get; init; }
}
