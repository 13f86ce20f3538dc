using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using EksAccess.Core.AwsAuth;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Planning;

public sealed class AwsAuthMergeTests
{
    private const string ForeignNodeRole = """
        # managed by eksctl
        - rolearn: arn:aws:iam::111122223333:role/eksctl-NodeInstanceRole
          username: system:node:{{EC2PrivateDNSName}}
          groups:
            - system:bootstrappers
            - system:nodes
        """;

    private static readonly ClusterSnapshot NoAccessEntries = new();

    private static ConfigMapObject Desired => DesiredState.Build(TestConfigs.Seed000()).AwsAuth!;

    [Fact]
    public void Merge_NoConfigMap_CreatesTheDesiredOneAndOwnsEveryEntry()
    {
        var edit = AwsAuthMerge.Merge(null, Desired, NoAccessEntries);

        edit.Refusals.ShouldBeEmpty();
        edit.IsCreate.ShouldBeTrue();
        edit.Changed.ShouldBeTrue();
        edit.After.Data.ShouldBe(Desired.Data);
        edit.OwnedArns.ShouldBe([
            "arn:aws:iam::111122223333:role/EKSDeveloperRole",
            "arn:aws:iam::111122223333:role/EKSNodeRole",
            "arn:aws:iam::111122223333:role/PlatformAdmin",
            "arn:aws:iam::111122223333:user/dev-john",
        ]);
        AwsAuthMerge.OwnedMappings(edit.After).ShouldBe(edit.OwnedArns);
        edit.Details.Count(d => d.StartsWith("+ ", StringComparison.Ordinal)).ShouldBe(4);
    }

    [Fact]
    public void Merge_TwiceInARow_SecondIsUnchanged()
    {
        var first = AwsAuthMerge.Merge(Live(ForeignNodeRole), Desired, NoAccessEntries);

        var second = AwsAuthMerge.Merge(first.After, Desired, NoAccessEntries);

        first.Changed.ShouldBeTrue();
        second.Changed.ShouldBeFalse();
        second.Details.ShouldBeEmpty();
        second.Refusals.ShouldBeEmpty();
    }

    [Fact]
    public void Merge_ForeignNodeRole_KeptVerbatimFirstAndNeverOwned()
    {
        var edit = AwsAuthMerge.Merge(Live(ForeignNodeRole), Desired, NoAccessEntries);

        edit.Refusals.ShouldBeEmpty();
        edit.After.Data["mapRoles"].ShouldStartWith(ForeignNodeRole + "\n- rolearn: arn:aws:iam::111122223333:role/EKSNodeRole\n");
        edit.OwnedArns.ShouldNotContain("arn:aws:iam::111122223333:role/eksctl-NodeInstanceRole");
        var parsed = AwsAuthParser.Parse(edit.After);
        parsed.MapRoles.Select(r => r.RoleArn).ShouldBe([
            "arn:aws:iam::111122223333:role/eksctl-NodeInstanceRole",
            "arn:aws:iam::111122223333:role/EKSNodeRole",
            "arn:aws:iam::111122223333:role/EKSDeveloperRole",
            "arn:aws:iam::111122223333:role/PlatformAdmin",
        ]);
    }

    [Fact]
    public void Merge_OwnedEntryNoLongerWanted_IsRemovedButForeignOnesStay()
    {
        var created = AwsAuthMerge.Merge(Live(ForeignNodeRole, users: "- userarn: arn:aws:iam::111122223333:user/ops\n  username: ops\n  groups: [ops]\n"), Desired, NoAccessEntries).After;
        var withoutJohn = DesiredState.Build(TestConfigs.Seed000() with
        {
            Teams = [TestConfigs.Seed000().Teams[0] with { Members = ["EKSDeveloperRole"] }],
        }).AwsAuth;

        var edit = AwsAuthMerge.Merge(created, withoutJohn, NoAccessEntries);

        edit.Refusals.ShouldBeEmpty();
        edit.Details.ShouldContain(d => d.StartsWith("- mapUsers userarn arn:aws:iam::111122223333:user/dev-john", StringComparison.Ordinal));
        var parsed = AwsAuthParser.Parse(edit.After);
        parsed.MapUsers.Select(u => u.UserArn).ShouldBe(["arn:aws:iam::111122223333:user/ops"]);
        edit.OwnedArns.ShouldNotContain("arn:aws:iam::111122223333:user/dev-john");
    }

    [Fact]
    public void Merge_ForeignMappingOfAConfigPrincipal_ReplacedInPlace()
    {
        var live = Live("""
            - rolearn: arn:aws:iam::111122223333:role/EKSDeveloperRole
              username: someone-else
              groups: [viewers]
            """ + "\n" + ForeignNodeRole);

        var edit = AwsAuthMerge.Merge(live, Desired, NoAccessEntries);

        edit.Refusals.ShouldBeEmpty();
        edit.Details.ShouldContain(d => d.Contains("username someone-else → developer; groups [viewers] → [dev-team]", StringComparison.Ordinal));
        var roles = AwsAuthParser.Parse(edit.After).MapRoles;
        roles[0].RoleArn.ShouldBe("arn:aws:iam::111122223333:role/EKSDeveloperRole");
        roles[0].Username.ShouldBe("developer");
        roles[1].RoleArn.ShouldBe("arn:aws:iam::111122223333:role/eksctl-NodeInstanceRole");
    }

    [Fact]
    public void Merge_OwnedNodeRoleDroppedFromConfig_IsRefused()
    {
        var created = AwsAuthMerge.Merge(null, Desired, NoAccessEntries).After;
        var withoutNodeRole = DesiredState.Build(TestConfigs.Seed000() with { Cluster = TestConfigs.Seed000().Cluster with { NodeRoles = [] } }).AwsAuth;

        var edit = AwsAuthMerge.Merge(created, withoutNodeRole, NoAccessEntries);

        edit.IsRefused.ShouldBeTrue();
        edit.Refusals.ShouldHaveSingleItem().ShouldContain("node-role mapping rolearn arn:aws:iam::111122223333:role/EKSNodeRole");
    }

    [Fact]
    public void Merge_LastAdminDropped_RefusedUnlessAnAccessEntryIsAdmin()
    {
        var created = AwsAuthMerge.Merge(null, Desired, NoAccessEntries).After;
        var withoutAdmin = DesiredState.Build(TestConfigs.Seed000() with { Admins = [] }).AwsAuth;
        var adminEntry = new ClusterSnapshot
        {
            AccessEntries =
            [
                new AccessEntry("arn:aws:iam::111122223333:role/Creator", AccessEntry.StandardType, null, [],
                    [new AssociatedAccessPolicy("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", AccessScope.Cluster)]),
            ],
        };

        var refused = AwsAuthMerge.Merge(created, withoutAdmin, NoAccessEntries);
        var allowed = AwsAuthMerge.Merge(created, withoutAdmin, adminEntry);

        refused.Refusals.ShouldHaveSingleItem().ShouldContain("no path to cluster-admin");
        allowed.Refusals.ShouldBeEmpty();
        allowed.Changed.ShouldBeTrue();
    }

    [Fact]
    public void Merge_NoAdminBeforeOrAfter_WarnsButWrites()
    {
        var config = TestConfigs.Seed000() with { Admins = [] };

        var edit = AwsAuthMerge.Merge(Live(ForeignNodeRole), DesiredState.Build(config).AwsAuth, NoAccessEntries);

        edit.Refusals.ShouldBeEmpty();
        edit.Warnings.ShouldContain(w => w.Contains("no IAM principal has a visible path to cluster-admin", StringComparison.Ordinal));
    }

    [Fact]
    public void Merge_JsonSection_ItemsKeptAndReadBack()
    {
        var live = Live("""[{"rolearn":"arn:aws:iam::111122223333:role/cdk-admin","username":"cdk","groups":["system:masters"]}, {"rolearn": "arn:aws:iam::111122223333:role/eksctl-NodeInstanceRole", "username": "system:node:{{EC2PrivateDNSName}}", "groups": ["system:bootstrappers", "system:nodes"]}]""");

        var edit = AwsAuthMerge.Merge(live, Desired, NoAccessEntries);

        edit.Refusals.ShouldBeEmpty();
        var roles = AwsAuthParser.Parse(edit.After).MapRoles;
        roles.Select(r => r.RoleArn).Take(2).ShouldBe(["arn:aws:iam::111122223333:role/cdk-admin", "arn:aws:iam::111122223333:role/eksctl-NodeInstanceRole"]);
        roles[0].Groups.ShouldBe(["system:masters"]);
        roles.Length.ShouldBe(5);
    }

    [Fact]
    public void Merge_IndentedBlockSection_ReindentedAndReadBack()
    {
        var live = Live("  - rolearn: arn:aws:iam::111122223333:role/eksctl-NodeInstanceRole\n    username: system:node:{{EC2PrivateDNSName}}\n    groups:\n      - system:bootstrappers\n      - system:nodes\n");

        var edit = AwsAuthMerge.Merge(live, Desired, NoAccessEntries);

        edit.Refusals.ShouldBeEmpty();
        edit.After.Data["mapRoles"].ShouldStartWith("- rolearn: arn:aws:iam::111122223333:role/eksctl-NodeInstanceRole\n  username: system:node:{{EC2PrivateDNSName}}\n");
        AwsAuthParser.Parse(edit.After).MapRoles.Length.ShouldBe(4);
    }

    [Fact]
    public void Merge_UnparsableSection_IsRefusedAndNothingChanges()
    {
        var live = Live("- rolearn: [unclosed\n");

        var edit = AwsAuthMerge.Merge(live, Desired, NoAccessEntries);

        edit.IsRefused.ShouldBeTrue();
        edit.Changed.ShouldBeFalse();
        edit.Refusals.ShouldHaveSingleItem().ShouldContain("aws-auth mapRoles cannot be edited safely");
    }

    [Fact]
    public void Merge_OtherDataKeysAndAnnotations_Preserved()
    {
        var live = Live(ForeignNodeRole) with
        {
            Data = Live(ForeignNodeRole).Data.Add("mapAccounts", "- \"111122223333\"\n"),
            Annotations = KubernetesMetadata.Empty.Add("team", "platform"),
        };

        var edit = AwsAuthMerge.Merge(live, Desired, NoAccessEntries);

        edit.After.Data["mapAccounts"].ShouldBe("- \"111122223333\"\n");
        edit.After.Annotations["team"].ShouldBe("platform");
    }

    [Fact]
    public void Remove_OwnedMapping_RemovedAndOwnershipDropped()
    {
        var created = AwsAuthMerge.Merge(null, Desired, NoAccessEntries).After;

        var edit = AwsAuthMerge.Remove(created, "arn:aws:iam::111122223333:user/dev-john", force: false, NoAccessEntries);

        edit.Refusals.ShouldBeEmpty();
        edit.Changed.ShouldBeTrue();
        AwsAuthParser.Parse(edit.After).MapUsers.ShouldBeEmpty();
        edit.OwnedArns.ShouldNotContain("arn:aws:iam::111122223333:user/dev-john");
        edit.After.Data.ContainsKey("mapUsers").ShouldBeFalse();
    }

    [Fact]
    public void Remove_ForeignMapping_LeftWithWarningUnlessForced()
    {
        var live = Live(ForeignNodeRole, users: "- userarn: arn:aws:iam::111122223333:user/Dev-John\n  username: dev-john\n  groups: [dev-team]\n");

        var kept = AwsAuthMerge.Remove(live, "arn:aws:iam::111122223333:user/dev-john", force: false, NoAccessEntries);
        var forced = AwsAuthMerge.Remove(live, "arn:aws:iam::111122223333:user/dev-john", force: true, NoAccessEntries);

        kept.Changed.ShouldBeFalse();
        kept.Warnings.ShouldHaveSingleItem().ShouldContain("--force");
        forced.Changed.ShouldBeTrue();
        AwsAuthParser.Parse(forced.After).MapUsers.ShouldBeEmpty();
    }

    [Fact]
    public void Remove_RoleWithPath_MatchesThePathlessMapping()
    {
        var created = AwsAuthMerge.Merge(null, Desired, NoAccessEntries).After;

        var edit = AwsAuthMerge.Remove(created, "arn:aws:iam::111122223333:role/teams/EKSDeveloperRole", force: false, NoAccessEntries);

        AwsAuthParser.Parse(edit.After).MapRoles.Select(r => r.RoleArn).ShouldNotContain("arn:aws:iam::111122223333:role/EKSDeveloperRole");
    }

    [Fact]
    public void HasClusterAdminPath_GroupBoundToClusterAdmin_Counts()
    {
        var snapshot = new ClusterSnapshot
        {
            AwsAuth = Live("- rolearn: arn:aws:iam::111122223333:role/Ops\n  username: ops\n  groups: [platform]\n"),
            ClusterRoleBindings = [new EksAccess.Core.Authorization.ClusterRoleBinding("platform-admin", new("ClusterRole", "cluster-admin"), [new("Group", "platform")])],
        };

        AwsAuthMerge.HasClusterAdminPath(snapshot).ShouldBeTrue();
        AwsAuthMerge.HasClusterAdminPath(snapshot with { ClusterRoleBindings = [] }).ShouldBeFalse();
    }

    private static ConfigMapObject Live(string roles, string? users = null)
    {
        var data = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        data["mapRoles"] = roles.EndsWith('\n') ? roles : roles + "\n";
        if (users is not null)
        {
            data["mapUsers"] = users;
        }

        return new ConfigMapObject("kube-system", "aws-auth", data.ToImmutable());
    }
}
