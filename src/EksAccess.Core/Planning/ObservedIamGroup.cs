using System.Collections.Immutable;

namespace EksAccess.Core.Planning;

/// <summary>An existing IAM group: path, inline policies and member user names. IAM groups cannot carry tags.</summary>
public sealed record ObservedIamGroup(string Name)
{
    public string Path { get; init; } = "/";

    public string? Arn { get; init; }

    public ImmutableSortedDictionary<string, string> InlinePolicies { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public ImmutableArray<string> Members { get; init; } = [];
}
