using EksAccess.Core.Authorization;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Planning;

public sealed class DesiredStateTests
{
    [Fact]
    public void Build_Seed000_HasClusterInfoFromConfig()
    {
        var desired = DesiredState.Build(TestConfigs.Seed000());

        desired.Cluster.ShouldNotBeNull();
        desired.Cluster.Name.ShouldBe("my-cluster");
        desired.Cluster.Arn.ShouldBe("arn:aws:eks:us-east-1:111122223333:cluster/my-cluster");
        desired.Cluster.AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
        desired.Cluster.Region.ShouldBe("us-east-1");
        desired.Cluster.AccountId.ShouldBe("111122223333");
        desired.Cluster.Partition.ShouldBe("aws");
    }

    [Fact]
    public void Build_Seed000_CreatesNamespaceQuotaRoleBindingsAndClusterRole()
    {
        var desired = DesiredState.Build(TestConfigs.Seed000());

        var ns = desired.Namespaces.ShouldHaveSingleItem();
        ns.Name.ShouldBe("dev-apps");
        ns.Labels[DesiredState.ManagedByLabel].ShouldBe("eksaccess");
        var quota = desired.ResourceQuotas.ShouldHaveSingleItem();
        (quota.Namespace, quota.Name, quota.Hard["pods"]).ShouldBe(("dev-apps", "dev-apps-quota", "20"));
        var role = desired.Roles.ShouldHaveSingleItem();
        (role.Namespace, role.Name, role.Rules.Length).ShouldBe(("dev-apps", "developer-role", 5));
        var binding = desired.RoleBindings.ShouldHaveSingleItem();
        (binding.Namespace, binding.Name).ShouldBe(("dev-apps", "dev-team-developer-role"));
        binding.RoleRef.ShouldBe(new RoleRef(RoleRef.RoleKind, "developer-role"));
        binding.Subjects.ShouldBe([new Subject(Subject.GroupKind, "dev-team")]);
        desired.ClusterRoles.ShouldHaveSingleItem().Name.ShouldBe("developer-cluster-readonly");
        var clusterBinding = desired.ClusterRoleBindings.ShouldHaveSingleItem();
        clusterBinding.Name.ShouldBe("dev-team-developer-cluster-readonly");
        clusterBinding.RoleRef.ShouldBe(new RoleRef(RoleRef.ClusterRoleKind, "developer-cluster-readonly"));
    }

    [Fact]
    public void Build_Seed000_AccessEntriesNodeRoleFirstThenMembersThenAdmin()
    {
        var desired = DesiredState.Build(TestConfigs.Seed000());

        desired.AccessEntries.Select(e => (e.PrincipalArn, e.Type, e.Username)).ShouldBe(
        [
            ("arn:aws:iam::111122223333:role/EKSNodeRole", "EC2_LINUX", null),
            ("arn:aws:iam::111122223333:user/dev-john", "STANDARD", "dev-john"),
            ("arn:aws:iam::111122223333:role/EKSDeveloperRole", "STANDARD", "developer"),
            ("arn:aws:iam::111122223333:role/PlatformAdmin", "STANDARD", "platform-admin"),
        ]);
        desired.AccessEntries[0].KubernetesGroups.ShouldBeEmpty();
        desired.AccessEntries[0].AssociatedAccessPolicies.ShouldBeEmpty();
        desired.AccessEntries[1].KubernetesGroups.ShouldBe(["dev-team"]);
        desired.AccessEntries[1].AssociatedAccessPolicies.ShouldBe(
            [new AssociatedAccessPolicy("arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy", new AccessScope(AccessScope.NamespaceType, ["dev-apps"]))],
            new AssociatedPolicyComparer());
    }

    [Fact]
    public void Build_Seed000_AwsAuthIsTheWalkThroughMapping()
    {
        var desired = DesiredState.Build(TestConfigs.Seed000());

        desired.AwsAuth.ShouldNotBeNull();
        (desired.AwsAuth.Namespace, desired.AwsAuth.Name).ShouldBe(("kube-system", "aws-auth"));
        desired.AwsAuth.Data["mapRoles"].ShouldBe(
            """
            - rolearn: arn:aws:iam::111122223333:role/EKSNodeRole
              username: system:node:{{EC2PrivateDNSName}}
              groups:
              - system:bootstrappers
              - system:nodes
            - rolearn: arn:aws:iam::111122223333:role/EKSDeveloperRole
              username: developer
              groups:
              - dev-team
            - rolearn: arn:aws:iam::111122223333:role/PlatformAdmin
              username: platform-admin
              groups:
              - system:masters

            """.ReplaceLineEndings("\n"));
        desired.AwsAuth.Data["mapUsers"].ShouldBe(
            """
            - userarn: arn:aws:iam::111122223333:user/dev-john
              username: dev-john
              groups:
              - dev-team

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Build_PrincipalInTwoTeams_GroupsAreSortedUnion()
    {
        var config = TestConfigs.Empty() with
        {
            Iam = new IamConfig { Users = [new IamUserConfig { Name = "ann" }] },
            Teams = [TestConfigs.Team("zeta", "ann"), TestConfigs.Team("alpha", "ann"), TestConfigs.Team("zeta2", "ann") with { KubernetesGroup = "zeta" }],
        };

        var desired = DesiredState.Build(config);

        desired.AccessEntries.ShouldHaveSingleItem().KubernetesGroups.ShouldBe(["alpha", "zeta"]);
        desired.AwsAuth!.Data["mapUsers"].ShouldContain("  groups:\n  - alpha\n  - zeta\n");
    }

    [Fact]
    public void Build_SamePolicyNamespaceAndClusterScope_ClusterScopeWins()
    {
        var config = TestConfigs.Empty() with
        {
            Iam = new IamConfig { Users = [new IamUserConfig { Name = "ann" }] },
            Teams =
            [
                TestConfigs.Team("a", "ann") with { AccessPolicies = [TestConfigs.NamespacePolicy("AmazonEKSViewPolicy", "dev")] },
                TestConfigs.Team("b", "ann") with { AccessPolicies = [TestConfigs.ClusterPolicy("AmazonEKSViewPolicy")] },
                TestConfigs.Team("c", "ann") with { AccessPolicies = [TestConfigs.NamespacePolicy("AmazonEKSViewPolicy", "prod")] },
            ],
        };

        var desired = DesiredState.Build(config);

        var policy = desired.AccessEntries.ShouldHaveSingleItem().AssociatedAccessPolicies.ShouldHaveSingleItem();
        policy.PolicyArn.ShouldBe("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy");
        policy.AccessScope.IsCluster.ShouldBeTrue();
        policy.AccessScope.Namespaces.ShouldBeEmpty();
    }

    [Fact]
    public void Build_SamePolicyTwoNamespaceScopes_NamespacesAreUnioned()
    {
        var config = TestConfigs.Empty() with
        {
            Iam = new IamConfig { Users = [new IamUserConfig { Name = "ann" }] },
            Teams =
            [
                TestConfigs.Team("a", "ann") with { AccessPolicies = [TestConfigs.NamespacePolicy("AmazonEKSEditPolicy", "uat", "dev")] },
                TestConfigs.Team("b", "ann") with { AccessPolicies = [TestConfigs.NamespacePolicy("arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy", "prod", "dev")] },
            ],
        };

        var desired = DesiredState.Build(config);

        var policy = desired.AccessEntries.ShouldHaveSingleItem().AssociatedAccessPolicies.ShouldHaveSingleItem();
        policy.AccessScope.Type.ShouldBe(AccessScope.NamespaceType);
        policy.AccessScope.Namespaces.ShouldBe(["dev", "prod", "uat"]);
    }

    [Fact]
    public void Build_RoleWithPath_AwsAuthRoleArnHasNoPathAndAccessEntryKeepsIt()
    {
        var config = TestConfigs.Empty() with
        {
            Iam = new IamConfig
            {
                Roles = [new IamRoleConfig { Name = "Dev", Path = "/teams/apps/" }],
                Users = [new IamUserConfig { Name = "bob", Path = "/people/" }],
            },
            Teams = [TestConfigs.Team("devs", "Dev", "bob")],
        };

        var desired = DesiredState.Build(config);

        desired.AccessEntries.Select(e => e.PrincipalArn).ShouldBe(
            ["arn:aws:iam::123456789012:role/teams/apps/Dev", "arn:aws:iam::123456789012:user/people/bob"]);
        desired.AwsAuth!.Data["mapRoles"].ShouldStartWith("- rolearn: arn:aws:iam::123456789012:role/Dev\n  username: Dev\n");
        desired.AwsAuth.Data["mapUsers"].ShouldStartWith("- userarn: arn:aws:iam::123456789012:user/people/bob\n  username: bob\n");
    }

    [Fact]
    public void Build_NodeRoleWithPath_ListedFirstInMapRolesWithoutPath()
    {
        var config = TestConfigs.Empty() with
        {
            Cluster = TestConfigs.Empty().Cluster with { NodeRoles = [new NodeRoleConfig("arn:aws:iam::123456789012:role/nodes/NodeRole")] },
            Iam = new IamConfig { Roles = [new IamRoleConfig { Name = "Dev" }] },
            Teams = [TestConfigs.Team("devs", "Dev")],
        };

        var desired = DesiredState.Build(config);

        var mapRoles = desired.AwsAuth!.Data["mapRoles"];
        mapRoles.ShouldStartWith("- rolearn: arn:aws:iam::123456789012:role/NodeRole\n  username: system:node:{{EC2PrivateDNSName}}\n");
        mapRoles.IndexOf("role/Dev", StringComparison.Ordinal).ShouldBeGreaterThan(mapRoles.IndexOf("NodeRole", StringComparison.Ordinal));
        var nodeEntry = desired.AccessEntries[0];
        (nodeEntry.PrincipalArn, nodeEntry.Type, nodeEntry.Username).ShouldBe(("arn:aws:iam::123456789012:role/nodes/NodeRole", "EC2_LINUX", null));
    }

    [Fact]
    public void Build_Admin_GetsSystemMastersInAwsAuthAndClusterAdminPolicyNotGroup()
    {
        var config = TestConfigs.Empty() with
        {
            Iam = new IamConfig { Roles = [new IamRoleConfig { Name = "Ops" }] },
            Teams = [TestConfigs.Team("ops", "Ops") with { AccessPolicies = [TestConfigs.NamespacePolicy("AmazonEKSClusterAdminPolicy", "dev")] }],
            Admins = [new AdminConfig("Ops")],
        };

        var desired = DesiredState.Build(config);

        var entry = desired.AccessEntries.ShouldHaveSingleItem();
        entry.KubernetesGroups.ShouldBe(["ops"]);
        entry.Username.ShouldBeNull();
        var policy = entry.AssociatedAccessPolicies.ShouldHaveSingleItem();
        policy.PolicyArn.ShouldBe("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
        policy.AccessScope.IsCluster.ShouldBeTrue();
        desired.AwsAuth!.Data["mapRoles"].ShouldBe("- rolearn: arn:aws:iam::123456789012:role/Ops\n  username: Ops\n  groups:\n  - ops\n  - system:masters\n");
    }

    [Fact]
    public void Build_TeamGroupStartingWithSystem_LeftOutOfAccessEntryOnly()
    {
        var config = TestConfigs.Empty() with
        {
            Iam = new IamConfig { Users = [new IamUserConfig { Name = "ann" }] },
            Teams = [TestConfigs.Team("root", "ann") with { KubernetesGroup = "system:masters" }],
        };

        var desired = DesiredState.Build(config);

        desired.AccessEntries.ShouldHaveSingleItem().KubernetesGroups.ShouldBeEmpty();
        desired.AwsAuth!.Data["mapUsers"].ShouldContain("- system:masters");
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("edit")]
    [InlineData("view")]
    [InlineData("cluster-admin")]
    public void Build_GrantOfBuiltInRole_RoleBindingToClusterRoleAndNoRole(string builtIn)
    {
        var config = TestConfigs.Empty() with
        {
            Namespaces = [new NamespaceConfig { Name = "dev" }],
            Teams = [TestConfigs.Team("devs") with { Namespaces = [new TeamNamespaceGrant("dev", builtIn)] }],
        };

        var desired = DesiredState.Build(config);

        desired.Roles.ShouldBeEmpty();
        var binding = desired.RoleBindings.ShouldHaveSingleItem();
        binding.Name.ShouldBe($"devs-{builtIn}");
        binding.RoleRef.ShouldBe(new RoleRef(RoleRef.ClusterRoleKind, builtIn));
    }

    [Fact]
    public void Build_GrantOfConfigClusterRole_RoleBindingToClusterRolePerNamespace()
    {
        var config = TestConfigs.Empty() with
        {
            ClusterRoles = [new ClusterRoleConfig("dev-full-access", [PolicyRule.ForResources(["*"], ["*"], ["*"])])],
            Teams = [TestConfigs.Team("devs") with { Namespaces = [new TeamNamespaceGrant("prod", "dev-full-access"), new TeamNamespaceGrant("dev", "dev-full-access")] }],
        };

        var desired = DesiredState.Build(config);

        desired.Roles.ShouldBeEmpty();
        desired.RoleBindings.Select(b => (b.Namespace, b.Name, b.RoleRef.Kind)).ShouldBe(
            [("dev", "devs-dev-full-access", "ClusterRole"), ("prod", "devs-dev-full-access", "ClusterRole")]);
    }

    [Fact]
    public void Build_TemplateUsedByTwoTeamsInTwoNamespaces_OneRolePerTemplateAndNamespace()
    {
        var config = TestConfigs.Empty() with
        {
            Roles = [new RoleTemplateConfig("reader", [PolicyRule.ForResources([""], ["pods"], ["get"])])],
            Teams =
            [
                TestConfigs.Team("a") with { Namespaces = [new TeamNamespaceGrant("dev", "reader"), new TeamNamespaceGrant("prod", "reader")] },
                TestConfigs.Team("b") with { Namespaces = [new TeamNamespaceGrant("dev", "reader")] },
            ],
        };

        var desired = DesiredState.Build(config);

        desired.Roles.Select(r => (r.Namespace, r.Name)).ShouldBe([("dev", "reader"), ("prod", "reader")]);
        desired.RoleBindings.Select(b => (b.Namespace, b.Name)).ShouldBe([("dev", "a-reader"), ("dev", "b-reader"), ("prod", "a-reader")]);
        desired.RoleBindings.ShouldAllBe(b => b.RoleRef.Kind == RoleRef.RoleKind);
    }

    [Fact]
    public void Build_QuotaAndLimitRangeWithoutName_DefaultNames()
    {
        var config = TestConfigs.Empty() with
        {
            Namespaces =
            [
                new NamespaceConfig
                {
                    Name = "dev",
                    Quota = new ResourceQuotaConfig(null, System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty),
                    LimitRange = new LimitRangeConfig(null, []),
                },
            ],
        };

        var desired = DesiredState.Build(config);

        desired.ResourceQuotas.ShouldHaveSingleItem().Name.ShouldBe("dev-quota");
        desired.LimitRanges.ShouldHaveSingleItem().Name.ShouldBe("dev-limits");
    }

    [Fact]
    public void Build_AccessMethodAwsAuth_NoAccessEntries()
    {
        var config = TestConfigs.Seed000() with { Cluster = TestConfigs.Seed000().Cluster with { AccessMethod = AccessMethod.AwsAuth } };

        var desired = DesiredState.Build(config);

        desired.AccessEntries.ShouldBeEmpty();
        desired.AwsAuth.ShouldNotBeNull();
    }

    [Fact]
    public void Build_AccessMethodAccessEntries_NoAwsAuth()
    {
        var config = TestConfigs.Seed000() with { Cluster = TestConfigs.Seed000().Cluster with { AccessMethod = AccessMethod.AccessEntries } };

        var desired = DesiredState.Build(config);

        desired.AccessEntries.Length.ShouldBe(4);
        desired.AwsAuth.ShouldBeNull();
    }

    private sealed class AssociatedPolicyComparer : IEqualityComparer<AssociatedAccessPolicy>
    {
        public bool Equals(AssociatedAccessPolicy? x, AssociatedAccessPolicy? y) =>
            x is not null && y is not null
            && string.Equals(x.PolicyArn, y.PolicyArn, StringComparison.Ordinal)
            && string.Equals(x.AccessScope.Type, y.AccessScope.Type, StringComparison.Ordinal)
            && x.AccessScope.Namespaces.SequenceEqual(y.AccessScope.Namespaces, StringComparer.Ordinal);

        public int GetHashCode(AssociatedAccessPolicy obj) => StringComparer.Ordinal.GetHashCode(obj.PolicyArn);
    }
}
