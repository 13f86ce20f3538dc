using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Identity;
using static EksAccess.Core.Tests.Authorization.Rbac;

namespace EksAccess.Core.Tests.Authorization;

public sealed class AccessPolicyAuthorizerTests
{
    private static string Arn(string name) => $"arn:aws:eks::aws:cluster-access-policy/{name}";

    private static ImmutableArray<AssociatedAccessPolicy> Cluster(string name) => [new(Arn(name), AccessScope.Cluster)];

    private static ImmutableArray<AssociatedAccessPolicy> Namespaced(string name, params string[] namespaces) =>
        [new(Arn(name), new AccessScope(AccessScope.NamespaceType, [.. namespaces]))];

    private static bool Allows(ImmutableArray<AssociatedAccessPolicy> policies, AccessRequest request) =>
        AccessPolicyAuthorizer.Authorize(policies, request) is { Allowed: true };

    [Theory]
    [InlineData("get", "secrets", "")]
    [InlineData("list", "secrets", "")]
    [InlineData("create", "pods", "exec")]
    [InlineData("list", "roles", "")]
    [InlineData("delete", "pods", "")]
    public void ViewPolicy_DeniesSecretsExecWrites(string verb, string resource, string subresource)
    {
        var group = string.Equals(resource, "roles", StringComparison.Ordinal) ? "rbac.authorization.k8s.io" : "";

        Allows(Cluster("AmazonEKSViewPolicy"), Request(verb, resource, "dev", group, subresource)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("get", "pods", "", "")]
    [InlineData("get", "pods", "", "log")]
    [InlineData("list", "deployments", "apps", "")]
    [InlineData("watch", "events", "", "")]
    public void ViewPolicy_AllowsReads(string verb, string resource, string group, string subresource)
    {
        Allows(Namespaced("AmazonEKSViewPolicy", "dev"), Request(verb, resource, "dev", group, subresource)).ShouldBeTrue();
    }

    [Fact]
    public void ViewPolicy_ClusterScope_NoNodes()
    {
        Allows(Cluster("AmazonEKSViewPolicy"), Request("list", "nodes")).ShouldBeFalse();
    }

    [Fact]
    public void EditPolicyNamespaceScoped_NeverGrantsClusterScopeOrAllNamespaces()
    {
        var edit = Namespaced("AmazonEKSEditPolicy", "dev");

        Allows(edit, Request("create", "pods", "dev")).ShouldBeTrue();
        Allows(edit, Request("list", "nodes")).ShouldBeFalse();
        Allows(edit, Request("list", "pods")).ShouldBeFalse();
        Allows(edit, Request("create", "pods", "prod")).ShouldBeFalse();
    }

    [Fact]
    public void EditPolicy_LacksEvictionTokenAndLeasesUnlikeUpstreamEdit()
    {
        var edit = Cluster("AmazonEKSEditPolicy");

        Allows(edit, Request("create", "pods", "dev", subresource: "eviction")).ShouldBeFalse();
        Allows(edit, Request("create", "serviceaccounts", "dev", subresource: "token")).ShouldBeFalse();
        Allows(edit, Request("update", "leases", "dev", "coordination.k8s.io")).ShouldBeFalse();
        Allows(edit, Request("impersonate", "serviceaccounts", "dev", name: "app")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("get", "/healthz")]
    [InlineData("post", "/anything")]
    public void ClusterAdminPolicyClusterScope_GrantsPaths(string verb, string path)
    {
        Allows(Cluster("AmazonEKSClusterAdminPolicy"), Path(verb, path)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("*", "*", "*", "")]
    [InlineData("delete", "nodes", "", "")]
    [InlineData("escalate", "clusterroles", "rbac.authorization.k8s.io", "")]
    [InlineData("create", "pods", "", "dev")]
    public void ClusterAdminPolicyClusterScope_GrantsEverything(string verb, string resource, string group, string ns)
    {
        Allows(Cluster("AmazonEKSClusterAdminPolicy"), Request(verb, resource, ns, group)).ShouldBeTrue();
    }

    [Fact]
    public void ClusterAdminPolicyNamespaceScope_NoPathsNoClusterScope()
    {
        var admin = Namespaced("AmazonEKSClusterAdminPolicy", "dev");

        Allows(admin, Path("get", "/healthz")).ShouldBeFalse();
        Allows(admin, Request("get", "nodes")).ShouldBeFalse();
        Allows(admin, Request("delete", "secrets", "dev")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("dev-a", true)]
    [InlineData("dev-", true)]
    [InlineData("dev", false)]
    [InlineData("prod-dev-a", false)]
    [InlineData("", false)]
    public void NamespaceScope_TrailingStarWildcard(string ns, bool expected)
    {
        Allows(Namespaced("AmazonEKSViewPolicy", "dev-*"), Request("get", "pods", ns)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("*", "dev")]
    [InlineData("*-dev", "team-dev")]
    [InlineData("d*v", "dev")]
    [InlineData("dev-**", "dev-a")]
    public void NamespaceMatches_OtherStars_MatchNothing(string pattern, string ns)
    {
        AccessPolicyAuthorizer.NamespaceMatches(pattern, ns).ShouldBeFalse();
    }

    [Fact]
    public void NamespaceScope_SeveralNamespaces_AnyListedOne()
    {
        var view = Namespaced("AmazonEKSViewPolicy", "a", "b");

        Allows(view, Request("get", "pods", "b")).ShouldBeTrue();
        Allows(view, Request("get", "pods", "c")).ShouldBeFalse();
    }

    [Fact]
    public void NamespaceScope_NamespaceObjectItself_NotGrantedAndNoted()
    {
        var view = Namespaced("AmazonEKSViewPolicy", "dev");
        var request = Request("get", "namespaces", "dev", name: "dev");

        Allows(view, request).ShouldBeFalse();
        AccessPolicyAuthorizer.NotesFor(view, request).ShouldBe(
            ["AmazonEKSViewPolicy: not assumed to grant the Namespace object dev itself with namespace scope (unverified EKS behaviour)"]);
        Allows(Cluster("AmazonEKSViewPolicy"), request).ShouldBeTrue();
    }

    [Fact]
    public void UnpublishedPolicy_GrantsNothingAndNotes()
    {
        var policies = Cluster("AmazonEKSAutoNodePolicy");

        AccessPolicyAuthorizer.Authorize(policies, Request("get", "nodes")).ShouldBeNull();
        AccessPolicyAuthorizer.NotesFor(policies, Request("get", "nodes")).ShouldBe(["AmazonEKSAutoNodePolicy: rules not published by AWS; it grants nothing offline"]);
    }

    [Fact]
    public void UnknownPolicy_GrantsNothingAndNotes()
    {
        var policies = Cluster("AmazonEKSFooPolicy");

        AccessPolicyAuthorizer.Authorize(policies, Request("get", "pods", "dev")).ShouldBeNull();
        AccessPolicyAuthorizer.NotesFor(policies, Request("get", "pods", "dev")).ShouldBe(["AmazonEKSFooPolicy: unknown access policy; it grants nothing offline"]);
    }

    [Fact]
    public void UnknownScopeType_GrantsNothing()
    {
        ImmutableArray<AssociatedAccessPolicy> policies = [new(Arn("AmazonEKSClusterAdminPolicy"), new AccessScope("Cluster", []))];

        Allows(policies, Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_ReportsPolicyScopeAndRule()
    {
        var decision = AccessPolicyAuthorizer.Authorize(Namespaced("AmazonEKSEditPolicy", "dev-apps"), Request("create", "deployments", "dev-apps", "apps"));

        var reason = decision.ShouldNotBeNull().Reason.ShouldBeOfType<AccessPolicyReason>();
        reason.RuleIndex.ShouldBe(0);
        reason.PolicyName.ShouldBe("AmazonEKSEditPolicy");
        decision.Explain().ShouldBe("EKS Access Policy: allowed by AmazonEKSEditPolicy (namespace scope: dev-apps)");
    }

    [Fact]
    public void ArcScalingPolicy_StarSlashScaleAnyGroup()
    {
        var arc = Namespaced("AmazonARCRegionSwitchScalingPolicy", "app");

        Allows(arc, Request("update", "deployments", "app", "apps", "scale")).ShouldBeTrue();
        Allows(arc, Request("update", "deployments", "app", "apps")).ShouldBeFalse();
    }

    [Fact]
    public void SecretReaderPolicy_ReadsSecretsOnly()
    {
        var reader = Namespaced("AmazonEKSSecretReaderPolicy", "dev");

        Allows(reader, Request("get", "secrets", "dev", name: "db")).ShouldBeTrue();
        Allows(reader, Request("get", "configmaps", "dev")).ShouldBeFalse();
    }
}
