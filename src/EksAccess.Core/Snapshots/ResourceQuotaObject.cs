using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

public sealed record ResourceQuotaObject(string Namespace, string Name, ImmutableSortedDictionary<string, string> Hard)
{
    /// <summary>metadata.labels (ordinal keys); empty when the object has none.</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = KubernetesMetadata.Empty;
}
