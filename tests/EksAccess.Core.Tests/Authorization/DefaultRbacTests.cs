using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using static EksAccess.Core.Tests.Authorization.Rbac;

namespace EksAccess.Core.Tests.Authorization;

/// <summary>Answers of the default roles people rely on (docs/reference/rbac-semantics.md §7), bound with a RoleBinding in dev.</summary>
public sealed class DefaultRbacTests
{
    private static readonly UserInfo Dev = UserOf("dev-user", "dev-team", "system:authenticated");

    private static RbacAuthorizer BoundInDev(string clusterRole)
    {
        var merged = DefaultRbac.MergeInto([], []);
        return new RbacAuthorizer([], merged.ClusterRoles, [RoleBinding("dev", "rb", ToClusterRole(clusterRole), Group("dev-team"))], merged.ClusterRoleBindings);
    }

    [Fact]
    public void ClusterRoles_ContainsTheUserFacingAndDiscoveryRoles()
    {
        DefaultRbac.ClusterRoles.Select(r => r.Name).ShouldBe(
            ["cluster-admin", "system:aggregate-to-admin", "system:aggregate-to-edit", "system:aggregate-to-view", "view", "edit", "admin",
             "system:basic-user", "system:discovery", "system:public-info-viewer", "system:service-account-issuer-discovery", "system:monitoring"]);
    }

    [Fact]
    public void ClusterRoles_ParsedLabelsAndAggregationRule()
    {
        var edit = DefaultRbac.ClusterRoles.Single(r => string.Equals(r.Name, "edit", StringComparison.Ordinal));

        edit.Labels["rbac.authorization.k8s.io/aggregate-to-admin"].ShouldBe("true");
        edit.AggregationRule!.ClusterRoleSelectors.Single().MatchLabels["rbac.authorization.k8s.io/aggregate-to-edit"].ShouldBe("true");
        edit.Rules.ShouldNotBeEmpty();
    }

    [Fact]
    public void ClusterRoleBindings_AreTheDefaultsFromTheHeader()
    {
        DefaultRbac.ClusterRoleBindings.Select(b => $"{b.Name}->{b.RoleRef.Name}:{string.Join(",", b.Subjects.Select(s => s.Name))}").ShouldBe(
        [
            "cluster-admin->cluster-admin:system:masters",
            "system:basic-user->system:basic-user:system:authenticated",
            "system:discovery->system:discovery:system:authenticated",
            "system:public-info-viewer->system:public-info-viewer:system:authenticated,system:unauthenticated",
            "system:service-account-issuer-discovery->system:service-account-issuer-discovery:system:serviceaccounts",
            "system:monitoring->system:monitoring:system:monitoring",
        ]);
    }

    [Fact]
    public void MergeInto_SnapshotObjectOfSameName_ReplacesTheDefault()
    {
        var mine = ClusterRole("view", Rule([""], ["pods"], ["get"]));
        var myBinding = ClusterRoleBinding("system:discovery", ToClusterRole("system:discovery"), Group("nobody"));

        var merged = DefaultRbac.MergeInto([mine], [myBinding]);

        merged.ClusterRoles.Where(r => string.Equals(r.Name, "view", StringComparison.Ordinal)).ShouldHaveSingleItem().Rules.ShouldBe(mine.Rules);
        merged.ClusterRoleBindings.Where(b => string.Equals(b.Name, "system:discovery", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldBeSameAs(myBinding);
    }

    [Fact]
    public void MergeInto_UserRoleLabelledAggregateToView_ReachesViewEditAdmin()
    {
        var widgets = Rule(["example.com"], ["widgets"], ["get", "list"]);
        var labelled = new ClusterRole("widgets-view", [widgets])
        {
            Labels = ImmutableDictionary<string, string>.Empty.Add("rbac.authorization.k8s.io/aggregate-to-view", "true"),
        };

        var merged = DefaultRbac.MergeInto([labelled], []);

        foreach (var name in new[] { "view", "edit", "admin" })
        {
            merged.ClusterRoles.Single(r => string.Equals(r.Name, name, StringComparison.Ordinal)).Rules.ShouldContain(widgets);
        }
    }

    [Theory]
    [InlineData("get", "pods", "", "")]
    [InlineData("list", "pods", "", "")]
    [InlineData("get", "pods", "", "log")]
    [InlineData("get", "configmaps", "", "")]
    [InlineData("watch", "deployments", "apps", "")]
    [InlineData("list", "endpointslices", "discovery.k8s.io", "")]
    [InlineData("get", "resourceclaims", "resource.k8s.io", "")]
    public void View_AllowsReads(string verb, string resource, string group, string subresource)
    {
        BoundInDev("view").Authorize(Dev, Request(verb, resource, "dev", group, subresource)).Allowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("get", "secrets", "", "")]
    [InlineData("list", "secrets", "", "")]
    [InlineData("create", "pods", "", "exec")]
    [InlineData("get", "pods", "", "exec")]
    [InlineData("list", "roles", "rbac.authorization.k8s.io", "")]
    [InlineData("get", "leases", "coordination.k8s.io", "")]
    [InlineData("list", "events", "events.k8s.io", "")]
    [InlineData("create", "pods", "", "")]
    public void View_DeniesSecretsExecRbacLeases(string verb, string resource, string group, string subresource)
    {
        BoundInDev("view").Authorize(Dev, Request(verb, resource, "dev", group, subresource)).Allowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("create", "pods", "", "")]
    [InlineData("create", "pods", "", "exec")]
    [InlineData("get", "pods", "", "exec")]
    [InlineData("create", "pods", "", "eviction")]
    [InlineData("create", "serviceaccounts", "", "token")]
    [InlineData("impersonate", "serviceaccounts", "", "")]
    [InlineData("get", "secrets", "", "")]
    [InlineData("delete", "secrets", "", "")]
    [InlineData("patch", "deployments", "apps", "")]
    [InlineData("update", "leases", "coordination.k8s.io", "")]
    [InlineData("create", "resourceclaims", "resource.k8s.io", "")]
    public void Edit_AllowsWorkloadWrites(string verb, string resource, string group, string subresource)
    {
        BoundInDev("edit").Authorize(Dev, Request(verb, resource, "dev", group, subresource)).Allowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("create", "rolebindings", "rbac.authorization.k8s.io", "")]
    [InlineData("create", "roles", "rbac.authorization.k8s.io", "")]
    [InlineData("update", "resourcequotas", "", "")]
    [InlineData("update", "pods", "", "status")]
    [InlineData("create", "endpoints", "", "")]
    [InlineData("create", "events", "events.k8s.io", "")]
    [InlineData("delete", "namespaces", "", "")]
    public void Edit_DeniesRbacQuotaStatusWrites(string verb, string resource, string group, string subresource)
    {
        BoundInDev("edit").Authorize(Dev, Request(verb, resource, "dev", group, subresource)).Allowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("create", "rolebindings", "rbac.authorization.k8s.io")]
    [InlineData("delete", "roles", "rbac.authorization.k8s.io")]
    [InlineData("create", "localsubjectaccessreviews", "authorization.k8s.io")]
    [InlineData("create", "pods", "")]
    public void Admin_AllowsRbacObjects(string verb, string resource, string group)
    {
        BoundInDev("admin").Authorize(Dev, Request(verb, resource, "dev", group)).Allowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("bind", "clusterroles", "rbac.authorization.k8s.io")]
    [InlineData("escalate", "roles", "rbac.authorization.k8s.io")]
    [InlineData("update", "limitranges", "")]
    [InlineData("delete", "namespaces", "")]
    public void Admin_DeniesBindEscalateQuotaNamespaceDelete(string verb, string resource, string group)
    {
        var name = string.Equals(resource, "namespaces", StringComparison.Ordinal) ? "dev" : "x";

        BoundInDev("admin").Authorize(Dev, Request(verb, resource, "dev", group, name: name)).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void ClusterAdminViaRoleBinding_IsNamespaceOwner()
    {
        var rbac = BoundInDev("cluster-admin");

        rbac.Authorize(Dev, Request("delete", "namespaces", "dev", name: "dev")).Allowed.ShouldBeTrue();
        rbac.Authorize(Dev, Request("bind", "clusterroles", "dev", "rbac.authorization.k8s.io", name: "admin")).Allowed.ShouldBeTrue();
        rbac.Authorize(Dev, Request("list", "nodes")).Allowed.ShouldBeFalse();
        rbac.Authorize(Dev, Path("get", "/metrics")).Allowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/livez")]
    [InlineData("/readyz")]
    [InlineData("/version")]
    [InlineData("/api")]
    [InlineData("/api/v1")]
    [InlineData("/apis")]
    [InlineData("/apis/apps/v1")]
    [InlineData("/openapi/v3")]
    public void SystemAuthenticated_GetsDiscoveryPaths(string path)
    {
        var decision = BoundInDev("view").Authorize(UserOf("anyone", "system:authenticated"), Path("get", path));

        decision.Allowed.ShouldBeTrue();
    }

    [Fact]
    public void SystemAuthenticated_GetsDiscoveryThroughSystemDiscovery()
    {
        BoundInDev("view").Authorize(UserOf("anyone", "system:authenticated"), Path("get", "/api")).Explain()
            .ShouldBe("RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole \"system:discovery\" to Group \"system:authenticated\"");
    }

    [Theory]
    [InlineData("selfsubjectaccessreviews", "authorization.k8s.io")]
    [InlineData("selfsubjectrulesreviews", "authorization.k8s.io")]
    [InlineData("selfsubjectreviews", "authentication.k8s.io")]
    public void SystemAuthenticated_BasicUserCreatesSelfReviews(string resource, string group)
    {
        BoundInDev("view").Authorize(UserOf("anyone", "system:authenticated"), Request("create", resource, group: group)).Allowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/logs")]
    [InlineData("/healthz/etcd")]
    [InlineData("/version/x")]
    public void SystemAuthenticated_DeniedOtherPaths(string path)
    {
        BoundInDev("view").Authorize(UserOf("anyone", "system:authenticated"), Path("get", path)).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void Unauthenticated_GetsOnlyPublicInfo()
    {
        var anonymous = UserOf("system:anonymous", "system:unauthenticated");
        var rbac = BoundInDev("view");

        rbac.Authorize(anonymous, Path("get", "/version")).Allowed.ShouldBeTrue();
        rbac.Authorize(anonymous, Path("get", "/api")).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void ServiceAccounts_GetIssuerDiscovery()
    {
        var sa = UserOf("system:serviceaccount:dev:app", "system:serviceaccounts", "system:serviceaccounts:dev", "system:authenticated");

        BoundInDev("view").Authorize(sa, Path("get", "/openid/v1/jwks")).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void SystemMonitoringGroup_GetsMetrics()
    {
        BoundInDev("view").Authorize(UserOf("prometheus", "system:monitoring"), Path("get", "/metrics")).Allowed.ShouldBeTrue();
    }
}
