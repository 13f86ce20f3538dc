using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

public sealed record ClusterRoleBinding(string Name, RoleRef RoleRef, ImmutableArray<Subject> Subjects)
{
    /// <summary>metadata.labels (ordinal keys); empty when the object has none.</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = Snapshots.KubernetesMetadata.Empty;

    public string? Source { get; init; }
}
