using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

public sealed record ConfigMapObject(string Namespace, string Name, ImmutableDictionary<string, string> Data)
{
    public string? Source { get; init; }

    /// <summary>metadata.labels (ordinal keys); empty when the object has none.</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = KubernetesMetadata.Empty;

    /// <summary>metadata.annotations (ordinal keys), e.g. eksaccess.io/owned-mappings on aws-auth; empty when none.</summary>
    public ImmutableDictionary<string, string> Annotations { get; init; } = KubernetesMetadata.Empty;

    /// <summary>Line in <see cref="Source"/>'s file where each data key's value starts, for aws-auth diagnostics.</summary>
    public ImmutableDictionary<string, int> DataLines { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>
    /// Column in <see cref="Source"/>'s file where each data value's content starts (a block scalar's indentation + 1),
    /// for aws-auth diagnostics. With <see cref="DataLines"/> giving the line of the value's first content line
    /// (for <c>mapRoles: |</c>, the line after the <c>|</c>), a position inside the value maps to the file.
    /// </summary>
    public ImmutableDictionary<string, int> DataColumns { get; init; } = ImmutableDictionary<string, int>.Empty;
}
