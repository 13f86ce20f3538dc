using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Evaluation;
using static EksAccess.Core.Tests.Authorization.Rbac;

namespace EksAccess.Core.Tests.Authorization;

public sealed class KubernetesAuthorizerTests
{
    private static readonly AssociatedAccessPolicy EditInDevApps =
        new("arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy", new AccessScope(AccessScope.NamespaceType, ["dev-apps"]));

    private static KubernetesAuthorizer WithDeveloperRoleBinding() => KubernetesAuthorizer.ForSnapshot(new ClusterSnapshot
    {
        Roles = [Role("dev-apps", "developer-role", Rule(["", "apps"], ["pods", "deployments"], ["get", "list", "create"]))],
        RoleBindings = [RoleBinding("dev-apps", "developer-rolebinding", ToRole("developer-role"), Group("dev-team"))],
    });

    [Fact]
    public void Authorize_SystemMasters_AllowedWithoutAnyBinding()
    {
        var authorizer = KubernetesAuthorizer.ForSnapshot(new ClusterSnapshot(), includeDefaultRbac: false);

        var decision = authorizer.Authorize(AuthorizationSubject.WithoutAccessPolicies(UserOf("admin", "system:masters")), Request("delete", "nodes", name: "n1"));

        decision.Allowed.ShouldBeTrue();
        decision.Reason.ShouldBeOfType<PrivilegedGroupReason>();
        decision.Explain().ShouldBe("allowed by the system:masters group");
    }

    [Fact]
    public void Authorize_SystemMastersCaseDiffers_NotPrivileged()
    {
        var authorizer = KubernetesAuthorizer.ForSnapshot(new ClusterSnapshot(), includeDefaultRbac: false);

        authorizer.Authorize(AuthorizationSubject.WithoutAccessPolicies(UserOf("admin", "System:Masters")), Request("get", "pods", "dev")).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void Authorize_SystemMastersWithClusterAdminBindingReplaced_StillAllowed()
    {
        var authorizer = KubernetesAuthorizer.ForSnapshot(new ClusterSnapshot
        {
            ClusterRoleBindings = [ClusterRoleBinding("cluster-admin", ToClusterRole("cluster-admin"), Group("nobody"))],
        });

        authorizer.Authorize(AuthorizationSubject.WithoutAccessPolicies(UserOf("admin", "system:masters")), Request("get", "secrets", "kube-system")).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void Authorize_AccessPolicyBeforeRbac()
    {
        var subject = new AuthorizationSubject(UserOf("arn:aws:sts::111122223333:assumed-role/Dev/s", "dev-team", "system:authenticated"), [EditInDevApps]);

        var decision = WithDeveloperRoleBinding().Authorize(subject, Request("create", "pods", "dev-apps"));

        decision.Explain().ShouldBe("EKS Access Policy: allowed by AmazonEKSEditPolicy (namespace scope: dev-apps)");
    }

    [Fact]
    public void Authorize_BothAllow_AccessPolicyReportedAndRbacAloneNamesTheBinding()
    {
        var subject = new AuthorizationSubject(UserOf("u", "dev-team", "system:authenticated"), [EditInDevApps]);

        var decision = WithDeveloperRoleBinding().Authorize(subject, Request("list", "pods", "dev-apps"));

        decision.Allowed.ShouldBeTrue();
        decision.Reason.ShouldBeOfType<AccessPolicyReason>();
        WithDeveloperRoleBinding().Authorize(subject with { AccessPolicies = [] }, Request("list", "pods", "dev-apps")).Explain()
            .ShouldBe("RBAC: allowed by RoleBinding \"developer-rolebinding/dev-apps\" of Role \"developer-role\" to Group \"dev-team\"");
    }

    [Fact]
    public void Authorize_ImpersonationHasNoAccessPolicies_RbacOnly()
    {
        var decision = WithDeveloperRoleBinding().Authorize(AuthorizationSubject.WithoutAccessPolicies(UserOf("u", "system:authenticated")), Request("create", "pods", "dev-apps"));

        decision.Allowed.ShouldBeFalse();
        decision.Explain().ShouldBe("no RBAC binding or access policy allows it");
    }

    [Fact]
    public void Authorize_DeniedWithUnpublishedPolicy_Notes()
    {
        ImmutableArray<AssociatedAccessPolicy> policies = [new("arn:aws:eks::aws:cluster-access-policy/AmazonEKSComputeClusterPolicy", AccessScope.Cluster)];

        var decision = WithDeveloperRoleBinding().Authorize(new AuthorizationSubject(UserOf("u"), policies), Request("delete", "nodes", name: "n1"));

        decision.Allowed.ShouldBeFalse();
        decision.Notes.ShouldBe(["AmazonEKSComputeClusterPolicy: rules not published by AWS; it grants nothing offline"]);
    }

    [Fact]
    public void Authorize_EntryWithNoGroupsNoPolicies_OnlyDiscovery()
    {
        var subject = AuthorizationSubject.WithoutAccessPolicies(UserOf("arn:aws:iam::111122223333:user/eks-user", "system:authenticated"));
        var authorizer = WithDeveloperRoleBinding();

        authorizer.Authorize(subject, Path("get", "/api")).Allowed.ShouldBeTrue();
        authorizer.Authorize(subject, Request("create", "selfsubjectaccessreviews", group: "authorization.k8s.io")).Allowed.ShouldBeTrue();
        authorizer.Authorize(subject, Request("list", "pods", "default")).Allowed.ShouldBeFalse();
    }
}
