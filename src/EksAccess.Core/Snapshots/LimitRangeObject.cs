using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

public sealed record LimitRangeObject(string Namespace, string Name, ImmutableArray<LimitRangeItem> Limits)
{
    /// <summary>metadata.labels (ordinal keys); empty when the object has none.</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = KubernetesMetadata.Empty;
}
