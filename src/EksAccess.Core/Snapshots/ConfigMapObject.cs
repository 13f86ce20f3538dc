using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

public sealed record ConfigMapObject(string Namespace, string Name, ImmutableDictionary<string, string> Data)
{
    public string? Source { get; init; }

    /// <summary>Line in <see cref="Source"/>'s file where each data key's value starts, for aws-auth diagnostics.</summary>
    public ImmutableDictionary<string, int> DataLines { get; init; } = ImmutableDictionary<string, int>.Empty;
}
