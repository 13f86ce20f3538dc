using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

/// <summary>Shared metadata values: the empty label/annotation map the records default to, and the managed-by test.</summary>
public static class KubernetesMetadata
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "eksaccess";

    /// <summary>An empty map with ordinal keys: the default <c>Labels</c>/<c>Annotations</c> of the snapshot records.</summary>
    public static ImmutableDictionary<string, string> Empty { get; } = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Whether the labels carry <c>app.kubernetes.io/managed-by: eksaccess</c>.</summary>
    public static bool IsManaged(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.TryGetValue(ManagedByLabel, out var value) && string.Equals(value, ManagedByValue, StringComparison.Ordinal);
    }
}
