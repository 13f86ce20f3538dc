using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Planning;
using EksAccess.Core.Preflight;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Tests.Preflight;

public sealed class PlanPreflightTests
{
    private const string Account = "111122223333";
    private const string NodeRole = "arn:aws:iam::111122223333:role/eks-node";
    private const string Admin = "arn:aws:iam::111122223333:user/alice";
    private const string Foreign = "arn:aws:iam::444455556666:role/auditor";
    private const string ClusterArn = "arn:aws:eks:eu-west-1:111122223333:cluster/prod";

    private static readonly AccessConfig Config = new()
    {
        SourceFile = "access.yaml",
        Cluster = new ClusterConfig
        {
            Name = "prod",
            Region = "eu-west-1",
            AccountId = Account,
            NodeRoles = [new NodeRoleConfig(NodeRole) { Location = new SourceLocation("access.yaml", 7, 9) }],
        },
        Iam = new IamConfig { Users = [new IamUserConfig { Name = "dev-john" }] },
        Admins = [new AdminConfig(Admin), new AdminConfig("arn:aws:iam::111122223333:user/dev-john")],
        Teams = [new TeamConfig { Name = "dev", KubernetesGroup = "dev", Members = ["dev-john", Foreign, "arn:aws:sts::111122223333:assumed-role/eks-node/i-1"] }],
    };

    [Fact]
    public void Referenced_NodeRolesAdminsAndMemberArns_WithoutWhatTheConfigCreatesAndSessionsAsTheirRole()
    {
        var referenced = PlanPreflight.Referenced(Config);

        referenced.Select(r => r.Arn).ShouldBe([NodeRole, Admin, Foreign]);
        referenced[0].Use.ShouldBe("cluster.nodeRoles[0]");
    }

    [Fact]
    public void Check_TwoMissing_OneProblemNamingBothWithTheirConfigLine()
    {
        var exists = new Dictionary<string, bool>(StringComparer.Ordinal) { [NodeRole] = false, [Admin] = false, [Foreign] = true };

        var result = PlanPreflight.Check(Config, PlanPreflight.Referenced(Config), exists, AwsObservedState.Empty);

        result.IsOk.ShouldBeFalse();
        result.Problems.ShouldHaveSingleItem().ShouldBe(
            $"2 IAM principals the config references do not exist: {NodeRole} (access.yaml:7:9: cluster.nodeRoles[0]); {Admin} (admins[0]) — create them first or correct the ARN");
    }

    [Fact]
    public void Check_OtherAccountNotRead_WarnsThatItCouldNotBeChecked()
    {
        var exists = new Dictionary<string, bool>(StringComparer.Ordinal) { [NodeRole] = true, [Admin] = true };

        var result = PlanPreflight.Check(Config, PlanPreflight.Referenced(Config), exists, AwsObservedState.Empty);

        result.IsOk.ShouldBeTrue();
        result.Warnings.ShouldHaveSingleItem().ShouldStartWith($"{Foreign} (team 'dev' member) could not be checked");
    }

    [Theory]
    [InlineData("arn:aws:eks:eu-west-1:111122223333:cluster/staging", false)]
    [InlineData(ClusterArn, true)]
    public void Check_CreatedUserTaggedForACluster_RefusedOnlyWhenAnotherClustersConfigOwnsIt(string taggedCluster, bool ok)
    {
        var tags = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            [AwsOwnership.ManagedByKey] = AwsOwnership.ManagedByValue,
            [AwsOwnership.ClusterKey] = taggedCluster,
        });
        var observed = AwsObservedState.Empty with { Users = [new ObservedIamUser("dev-john") { Tags = tags }] };
        var exists = new Dictionary<string, bool>(StringComparer.Ordinal) { [NodeRole] = true, [Admin] = true, [Foreign] = true };

        var result = PlanPreflight.Check(Config, PlanPreflight.Referenced(Config), exists, observed);

        result.IsOk.ShouldBe(ok);
        if (!ok)
        {
            result.Problems.ShouldHaveSingleItem().ShouldContain($"IAM user dev-john belongs to another cluster's config (eksaccess.io/cluster={taggedCluster})");
        }
    }

    [Fact]
    public void ReadableAccount_CallerOfAnotherAccount_None()
    {
        PlanPreflight.ReadableAccount(Config, "arn:aws:iam::111122223333:user/ci").ShouldBe(Account);
        PlanPreflight.ReadableAccount(Config, "arn:aws:iam::999999999999:user/ci").ShouldBeNull();
    }
}
