using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Planning;

public sealed class PrincipalResolverTests
{
    [Fact]
    public void PrincipalArn_ConfigUserWithPath_UserArnWithPath()
    {
        var config = TestConfigs.Empty() with { Iam = new IamConfig { Users = [new IamUserConfig { Name = "ann", Path = "people" }] } };

        PrincipalResolver.PrincipalArn(config, "ann").ShouldBe("arn:aws:iam::123456789012:user/people/ann");
    }

    [Fact]
    public void PrincipalArn_ConfigRoleInOtherPartition_RoleArnInThatPartition()
    {
        var config = TestConfigs.Empty() with
        {
            Cluster = TestConfigs.Empty().Cluster with { Partition = "aws-cn" },
            Iam = new IamConfig { Roles = [new IamRoleConfig { Name = "Dev" }] },
        };

        PrincipalResolver.PrincipalArn(config, "Dev").ShouldBe("arn:aws-cn:iam::123456789012:role/Dev");
    }

    [Fact]
    public void PrincipalArn_Arn_ReturnedAsIs()
    {
        PrincipalResolver.PrincipalArn(TestConfigs.Empty(), "arn:aws:iam::999999999999:role/x/Y").ShouldBe("arn:aws:iam::999999999999:role/x/Y");
    }

    [Fact]
    public void PrincipalArn_UnknownName_Throws()
    {
        Should.Throw<ArgumentException>(() => PrincipalResolver.PrincipalArn(TestConfigs.Empty(), "nobody")).Message.ShouldContain("nobody");
    }

    [Theory]
    [InlineData("arn:aws:iam::1:role/a/b/Name", "arn:aws:iam::1:role/Name")]
    [InlineData("arn:aws:iam::1:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_abc", "arn:aws:iam::1:role/AWSReservedSSO_Dev_abc")]
    [InlineData("arn:aws:iam::1:role/Name", "arn:aws:iam::1:role/Name")]
    [InlineData("arn:aws:iam::1:user/p/q/name", "arn:aws:iam::1:user/p/q/name")]
    public void AwsAuthArn_Principal_RolePathRemovedUserPathKept(string arn, string expected)
    {
        PrincipalResolver.AwsAuthArn(arn).ShouldBe(expected);
    }

    [Fact]
    public void Resolve_Seed000_PrincipalsInConfigOrderWithUsernames()
    {
        var principals = PrincipalResolver.Resolve(TestConfigs.Seed000());

        principals.Select(p => (p.PrincipalArn, p.Kind, p.ConfigName, p.Username, p.AwsAuthUsername, p.IsAdmin)).ShouldBe(
        [
            ("arn:aws:iam::111122223333:user/dev-john", IamPrincipalKind.User, "dev-john", "dev-john", "dev-john", false),
            ("arn:aws:iam::111122223333:role/EKSDeveloperRole", IamPrincipalKind.Role, "EKSDeveloperRole", "developer", "developer", false),
            ("arn:aws:iam::111122223333:role/PlatformAdmin", IamPrincipalKind.Role, null, "platform-admin", "platform-admin", true),
        ]);
        principals[0].Teams.ShouldBe(["dev-team"]);
        principals[2].AwsAuthGroups.ShouldBe(["system:masters"]);
        principals[2].AccessEntryGroups.ShouldBeEmpty();
    }

    [Fact]
    public void Resolve_MemberNamedByArnOfConfigUser_OnePrincipalWithConfigUsername()
    {
        var config = TestConfigs.Empty() with
        {
            Iam = new IamConfig { Users = [new IamUserConfig { Name = "ann", Username = "ann-k8s" }] },
            Teams = [TestConfigs.Team("a", "ann"), TestConfigs.Team("b", "arn:aws:iam::123456789012:user/ann")],
        };

        var principal = PrincipalResolver.Resolve(config).ShouldHaveSingleItem();

        principal.ConfigName.ShouldBe("ann");
        principal.Username.ShouldBe("ann-k8s");
        principal.KubernetesGroups.ShouldBe(["a", "b"]);
    }
}
