namespace EksAccess.Core.Audit;

/// <summary>
/// A grant a principal holds: an RBAC binding, an EKS access-policy association, or the privileged group.
/// <see cref="Key"/> is how an audit reason and the evaluator's view of the same grant meet; <see cref="Description"/>
/// is what the output shows, in kube-apiserver's wording.
/// </summary>
public sealed record AuditGrant(string Key, string Description)
{
    /// <summary><c>ClusterRoleBinding "name" of ClusterRole "role"</c>.</summary>
    public static AuditGrant ClusterRoleBinding(string name, string roleKind, string roleName) =>
        new($"crb:{name}", $"ClusterRoleBinding \"{name}\" of {roleKind} \"{roleName}\"");

    /// <summary><c>RoleBinding "name/namespace" of Role "role"</c> (kube-apiserver writes the name first).</summary>
    public static AuditGrant RoleBinding(string @namespace, string name, string roleKind, string roleName) =>
        new($"rb:{@namespace}/{name}", $"RoleBinding \"{name}/{@namespace}\" of {roleKind} \"{roleName}\"");

    /// <summary>An access policy associated with the principal's access entry; matched by policy name (any partition).</summary>
    public static AuditGrant AccessPolicy(string policyArn, string scope) =>
        new($"policy:{Authorization.AccessPolicyCatalog.NameOf(policyArn)}", $"access policy {Authorization.AccessPolicyCatalog.NameOf(policyArn)} ({scope})");

    public static AuditGrant SystemMasters { get; } = new("group:system:masters", "group system:masters (privileged, before RBAC)");
}
