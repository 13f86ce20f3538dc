using System.Collections.Immutable;

namespace EksAccess.Core.Planning;

/// <summary>
/// An existing IAM user: path, tags, inline policies (name → document, URL-decoded), the groups it is known to be in
/// (among the groups the config names, or all of them for a managed user the config no longer names) and its access
/// key ids (read for users with createAccessKey and for managed users to delete; empty otherwise).
/// </summary>
public sealed record ObservedIamUser(string Name)
{
    public string Path { get; init; } = "/";

    public string? Arn { get; init; }

    public ImmutableSortedDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, string> InlinePolicies { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public ImmutableArray<string> Groups { get; init; } = [];

    public ImmutableArray<string> AccessKeyIds { get; init; } = [];

    /// <summary>Those of <see cref="AccessKeyIds"/> that are not Active (deactivated keys sign nothing).</summary>
    public ImmutableArray<string> InactiveAccessKeyIds { get; init; } = [];

    public int AccessKeyCount => AccessKeyIds.Length;
}
