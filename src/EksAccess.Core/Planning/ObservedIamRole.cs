using System.Collections.Immutable;

namespace EksAccess.Core.Planning;

/// <summary>An existing IAM role: path, trust policy (URL-decoded), max session duration, tags and inline policies.</summary>
public sealed record ObservedIamRole(string Name)
{
    public string Path { get; init; } = "/";

    public string? Arn { get; init; }

    public string? AssumeRolePolicyDocument { get; init; }

    public int MaxSessionDuration { get; init; } = 3600;

    public ImmutableSortedDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, string> InlinePolicies { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
}
