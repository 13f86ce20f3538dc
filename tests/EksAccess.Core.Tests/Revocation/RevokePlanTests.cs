using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Revocation;
using EksAccess.Core.Snapshots;
using EksAccess.Core.AwsAuth;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Revocation;

public sealed class RevokePlanTests
{
    private const string John = "arn:aws:iam::111122223333:user/dev-john";
    private const string AdminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

    private static readonly IamPrincipalFacts JohnInIam = new()
    {
        Groups =
        [
            new IamGroupFacts("devs", [new IamPolicyFacts("assume", """{"Statement":[{"Effect":"Allow","Action":["sts:AssumeRole"],"Resource":"arn:aws:iam::111122223333:role/EKS*"}]}""")]),
        ],
        AccessKeys = [new AccessKeyFacts("AKIA1", "Active"), new AccessKeyFacts("AKIA2", "Inactive")],
    };

    private static ClusterSnapshot Applied()
    {
        var desired = DesiredState.Build(TestConfigs.Seed000());
        return desired with { AwsAuth = AwsAuthMerge.Merge(null, desired.AwsAuth, new ClusterSnapshot()).After };
    }

    [Fact]
    public void Plan_UserWithEntryMappingGroupAndKeys_EntryFirstThenIamAndAnAwsAuthEdit()
    {
        var plan = AccessPathFinder.Plan(John, "c1", Applied(), JohnInIam, new RevokeOptions(Force: false, DeleteAccessKeys: false));

        plan.Refusal.ShouldBeNull();
        plan.ClusterSteps.Select(s => s.Action).ShouldBe([new DeleteAccessEntryAction("c1", John)]);
        plan.IamSteps.Select(s => s.Action).ShouldBe([new RemoveUserFromGroupAction("dev-john", "devs"), new UpdateAccessKeyAction("dev-john", "AKIA1", Active: false)]);
        plan.IamSteps.Select(s => $"{s.Change.ApiCall} {s.Change.Id}").ShouldBe(["iam:RemoveUserFromGroup devs/dev-john", "iam:UpdateAccessKey dev-john/AKIA1"]);
        plan.EditsAwsAuth.ShouldBeTrue();
        var edit = plan.EditAwsAuth(Applied().AwsAuth);
        edit.IsRefused.ShouldBeFalse();
        AwsAuthParser.Parse(edit.After).MapUsers.ShouldNotContain(u => u.UserArn == John);
    }

    [Fact]
    public void Plan_DeleteAccessKeys_DeletesTheActiveKeyInstead()
    {
        var plan = AccessPathFinder.Plan(John, "c1", Applied(), JohnInIam, new RevokeOptions(Force: false, DeleteAccessKeys: true));

        plan.IamSteps.Select(s => s.Action).ShouldContain(new DeleteAccessKeyAction("dev-john", "AKIA1"));
        plan.IamSteps.Select(s => s.Action).OfType<UpdateAccessKeyAction>().ShouldBeEmpty();
    }

    [Fact]
    public void Plan_OnlyAdminIsThePrincipal_RefusedAsLastAdminPathUnlessForced()
    {
        var cluster = new ClusterSnapshot
        {
            Cluster = new ClusterInfo("c1", "arn:aws:eks:us-east-1:111122223333:cluster/c1", AuthenticationMode.Api),
            AccessEntries = [new AccessEntry(John, AccessEntry.StandardType, null, [], [new AssociatedAccessPolicy(AdminPolicy, new AccessScope(AccessScope.ClusterType, []))])],
        };

        var refused = AccessPathFinder.Plan(John, "c1", cluster, IamPrincipalFacts.None, new RevokeOptions(Force: false, DeleteAccessKeys: false));
        var forced = AccessPathFinder.Plan(John, "c1", cluster, IamPrincipalFacts.None, new RevokeOptions(Force: true, DeleteAccessKeys: false));

        refused.Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.LastAdminPath);
        forced.Refusal.ShouldBeNull();
        forced.ClusterSteps.ShouldHaveSingleItem();
    }

    [Fact]
    public void Plan_PrincipalIsANodeRole_RefusedAsNodeRoleMappingEvenWithForce()
    {
        var node = "arn:aws:iam::111122223333:role/EKSNodeRole";

        var plan = AccessPathFinder.Plan(node, "c1", Applied(), IamPrincipalFacts.None, new RevokeOptions(Force: true, DeleteAccessKeys: false));

        plan.Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.NodeRoleMapping);
        plan.Refusal.Message.ShouldContain("node-role mapping");
    }
}
