using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

public sealed record ServiceAccountObject(string Namespace, string Name)
{
    /// <summary>metadata.labels (ordinal keys); empty when the object has none.</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = KubernetesMetadata.Empty;
}
