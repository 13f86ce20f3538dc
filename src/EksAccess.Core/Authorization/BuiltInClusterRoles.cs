using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>
/// The user-facing ClusterRoles every Kubernetes cluster has (the RBAC bootstrap policy's cluster-admin, admin, edit
/// and view), which a config may bind without defining them.
/// </summary>
public static class BuiltInClusterRoles
{
    /// <summary>In the order the validator suggests them.</summary>
    public static ImmutableArray<string> All { get; } = ["cluster-admin", "admin", "edit", "view"];

    public static bool Contains(string name) => All.Contains(name, StringComparer.Ordinal);
}
