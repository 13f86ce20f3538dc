using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

public sealed record Role(string Namespace, string Name, ImmutableArray<PolicyRule> Rules)
{
    /// <summary>metadata.labels (ordinal keys); empty when the object has none.</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = Snapshots.KubernetesMetadata.Empty;

    /// <summary>Where the object was read from (file:line), for explanations and errors; null when built in code.</summary>
    public string? Source { get; init; }
}
