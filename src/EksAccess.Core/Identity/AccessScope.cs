using System.Collections.Immutable;

namespace EksAccess.Core.Identity;

/// <summary>accessScope of an associated access policy: Type is "cluster" or "namespace" (lower case, as the API).</summary>
public sealed record AccessScope(string Type, ImmutableArray<string> Namespaces)
{
    public const string ClusterType = "cluster";
    public const string NamespaceType = "namespace";

    public static AccessScope Cluster { get; } = new(ClusterType, []);

    public bool IsCluster => string.Equals(Type, ClusterType, StringComparison.Ordinal);
}
