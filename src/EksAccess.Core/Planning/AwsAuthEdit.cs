using System.Collections.Immutable;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Planning;

/// <summary>
/// The result of an aws-auth merge or removal (<see cref="AwsAuthMerge"/>): the ConfigMap to write (<see cref="After"/>:
/// data and annotations; the caller keeps every other field of the live object), what changes, what was left alone
/// and why, and the reasons the write must not happen (<see cref="Refusals"/>: a node role dropped, no path to
/// cluster-admin left, text the authenticator would read differently).
/// </summary>
public sealed record AwsAuthEdit
{
    /// <summary>The live ConfigMap the edit starts from; null when kube-system/aws-auth does not exist (the write creates it).</summary>
    public required ConfigMapObject? Before { get; init; }

    public required ConfigMapObject After { get; init; }

    /// <summary>Whether <see cref="After"/> differs from <see cref="Before"/> (data or the owned-mappings annotation).</summary>
    public required bool Changed { get; init; }

    /// <summary>One line per mapping change: <c>+ mapUsers userarn arn:… (username dev-john, groups [dev-team])</c>.</summary>
    public ImmutableArray<string> Details { get; init; } = [];

    /// <summary>Things left as they are, and why (a mapping someone else made, no visible admin before either).</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Why the write must not happen, by kind; empty when it is safe.</summary>
    public ImmutableArray<Refusal> Reasons { get; init; } = [];

    /// <summary>The messages of <see cref="Reasons"/>.</summary>
    public ImmutableArray<string> Refusals => [.. Reasons.Select(r => r.Message)];

    /// <summary>The principal ARNs eksaccess owns after the edit (the owned-mappings annotation).</summary>
    public ImmutableArray<string> OwnedArns { get; init; } = [];

    public bool IsRefused => !Reasons.IsEmpty;

    public bool IsCreate => Before is null;
}
