namespace EksAccess.Core.Authorization;

/// <summary>A binding's roleRef. <see cref="Kind"/> is "Role" or "ClusterRole"; the apiGroup is always rbac.authorization.k8s.io.</summary>
public sealed record RoleRef(string Kind, string Name)
{
    public const string RoleKind = "Role";
    public const string ClusterRoleKind = "ClusterRole";

    public bool IsClusterRole => string.Equals(Kind, ClusterRoleKind, StringComparison.Ordinal);
}
