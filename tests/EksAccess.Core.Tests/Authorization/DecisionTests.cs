using EksAccess.Core.Authorization;
using EksAccess.Core.Identity;
using static EksAccess.Core.Tests.Authorization.Rbac;

namespace EksAccess.Core.Tests.Authorization;

/// <summary>Exact explanation strings (kube-apiserver's audit reason wording).</summary>
public sealed class DecisionTests
{
    private static readonly PolicyRule AnyRule = Rule([""], ["pods"], ["get"]);

    [Fact]
    public void Explain_RoleBindingOfRoleToGroup()
    {
        var reason = new RbacReason(BindingKind.RoleBinding, "dev-apps", "developer-rolebinding", "Role", "developer-role", 0, AnyRule, Group("dev-team"));

        Decision.Allow(reason).Explain().ShouldBe("RBAC: allowed by RoleBinding \"developer-rolebinding/dev-apps\" of Role \"developer-role\" to Group \"dev-team\"");
    }

    [Fact]
    public void Explain_ClusterRoleBindingOfClusterRoleToUser()
    {
        var reason = new RbacReason(BindingKind.ClusterRoleBinding, "", "ops-admins", "ClusterRole", "cluster-admin", 0, AnyRule, User("alice"));

        Decision.Allow(reason).Explain().ShouldBe("RBAC: allowed by ClusterRoleBinding \"ops-admins\" of ClusterRole \"cluster-admin\" to User \"alice\"");
    }

    [Fact]
    public void Explain_ServiceAccountSubjectWithOwnNamespace()
    {
        var reason = new RbacReason(BindingKind.RoleBinding, "dev", "rb", "ClusterRole", "edit", 0, AnyRule, ServiceAccount("builder", "ci"));

        Decision.Allow(reason).Explain().ShouldBe("RBAC: allowed by RoleBinding \"rb/dev\" of ClusterRole \"edit\" to ServiceAccount \"builder/ci\"");
    }

    [Fact]
    public void Explain_AccessPolicyClusterScope()
    {
        var reason = new AccessPolicyReason("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", AccessScope.Cluster, 0, AnyRule);

        Decision.Allow(reason).Explain().ShouldBe("EKS Access Policy: allowed by AmazonEKSClusterAdminPolicy (cluster scope)");
    }

    [Fact]
    public void Explain_AccessPolicyNamespaceScope()
    {
        var reason = new AccessPolicyReason("arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy", new AccessScope("namespace", ["dev-apps"]), 3, AnyRule);

        Decision.Allow(reason).Explain().ShouldBe("EKS Access Policy: allowed by AmazonEKSEditPolicy (namespace scope: dev-apps)");
    }

    [Fact]
    public void Explain_AccessPolicySeveralNamespaces_CommaSeparated()
    {
        var reason = new AccessPolicyReason("arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy", new AccessScope("namespace", ["a", "dev-*"]), 0, AnyRule);

        reason.Explain().ShouldBe("EKS Access Policy: allowed by AmazonEKSViewPolicy (namespace scope: a, dev-*)");
    }

    [Fact]
    public void Explain_PrivilegedGroup()
    {
        Decision.Allow(new PrivilegedGroupReason("system:masters")).Explain().ShouldBe("allowed by the system:masters group");
    }

    [Fact]
    public void Explain_Denied()
    {
        Decision.Deny(["RoleBinding dev/x refers to missing Role y"]).Explain().ShouldBe("no RBAC binding or access policy allows it");
    }
}
