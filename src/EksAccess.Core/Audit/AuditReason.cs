using System.Text.RegularExpressions;

namespace EksAccess.Core.Audit;

/// <summary>
/// Reads the authorization.k8s.io/reason annotation of an allowed request back into the grant it names:
/// RBAC's <c>RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to Group "z"</c> /
/// <c>RoleBinding "name/namespace" of Role "r" to User "u"</c> (kubernetes plugin/pkg/auth/authorizer/rbac/rbac.go),
/// EKS's <c>EKS Access Policy: allowed by ClusterRoleBinding "&lt;principalArn&gt;+&lt;policyArn&gt;" of ClusterRole "&lt;policyArn&gt;" …</c>,
/// and the empty reason of an allowed request, which only the system:masters group gives (docs/reference/audit.md).
/// </summary>
public static partial class AuditReason
{
    /// <summary>The grant named by the reason of an allowed request, or null when the reason names none this tool knows.</summary>
    public static AuditGrant? GrantOf(string? reason)
    {
        if (reason is null || reason.Length == 0)
        {
            return AuditGrant.SystemMasters;
        }

        if (reason.StartsWith("EKS Access Policy:", StringComparison.Ordinal))
        {
            var policy = PolicyPattern().Match(reason);
            if (policy.Success)
            {
                return AuditGrant.AccessPolicy(policy.Groups["policy"].Value, "named by the audit reason");
            }

            var role = RolePattern().Match(reason);
            return role.Success ? AuditGrant.AccessPolicy(role.Groups["role"].Value, "named by the audit reason") : null;
        }

        var rbac = RbacPattern().Match(reason);
        if (!rbac.Success)
        {
            return null;
        }

        var binding = rbac.Groups["binding"].Value;
        if (string.Equals(rbac.Groups["kind"].Value, "ClusterRoleBinding", StringComparison.Ordinal))
        {
            return AuditGrant.ClusterRoleBinding(binding, rbac.Groups["roleKind"].Value, rbac.Groups["role"].Value);
        }

        var slash = binding.LastIndexOf('/');
        return slash < 0
            ? null
            : AuditGrant.RoleBinding(binding[(slash + 1)..], binding[..slash], rbac.Groups["roleKind"].Value, rbac.Groups["role"].Value);
    }

    [GeneratedRegex("^RBAC: allowed by (?<kind>ClusterRoleBinding|RoleBinding) \"(?<binding>[^\"]*)\" of (?<roleKind>ClusterRole|Role) \"(?<role>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex RbacPattern();

    /// <summary>The binding is named <c>&lt;principalArn&gt;+&lt;policyArn&gt;</c>, maybe with a <c>/namespace</c> suffix for namespace scope (UNSURE).</summary>
    [GeneratedRegex("Binding \"[^\"+]*\\+(?<policy>arn:[^\"/]+:eks::aws:cluster-access-policy/[A-Za-z0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyPattern();

    [GeneratedRegex("of (?:ClusterRole|Role) \"(?<role>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex RolePattern();
}
