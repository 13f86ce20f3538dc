namespace EksAccess.Core.Authorization;

/// <summary>The kind of RBAC binding that granted a rule.</summary>
public enum BindingKind
{
    ClusterRoleBinding,
    RoleBinding,
}
