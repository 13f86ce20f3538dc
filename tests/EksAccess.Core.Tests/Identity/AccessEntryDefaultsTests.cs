using EksAccess.Core.Identity;

namespace EksAccess.Core.Tests.Identity;

public sealed class AccessEntryDefaultsTests
{
    [Theory]
    [InlineData("STANDARD", "arn:aws:iam::111122223333:user/eng/dev-john", "arn:aws:iam::111122223333:user/eng/dev-john")]
    [InlineData(null, "arn:aws:iam::111122223333:role/teams/Deployer", "arn:aws:sts::111122223333:assumed-role/Deployer/{{SessionName}}")]
    [InlineData("STANDARD", "arn:aws-cn:iam::111122223333:role/KubernetesAdmin", "arn:aws-cn:sts::111122223333:assumed-role/KubernetesAdmin/{{SessionName}}")]
    [InlineData("EC2_LINUX", "arn:aws:iam::111122223333:role/EKSNodeRole", "system:node:{{EC2PrivateDNSName}}")]
    [InlineData("EC2_WINDOWS", "arn:aws:iam::111122223333:role/EKSNodeRole", "system:node:{{EC2PrivateDNSName}}")]
    [InlineData("FARGATE_LINUX", "arn:aws:iam::111122223333:role/PodExecution", "system:node:{{SessionName}}")]
    [InlineData("hybrid_linux", "arn:aws:iam::111122223333:role/Hybrid", "system:node:{{SessionName}}")]
    [InlineData("EC2", "arn:aws:iam::111122223333:role/AutoNode", null)]
    [InlineData("HYPERPOD_LINUX", "arn:aws:iam::111122223333:role/Hyperpod", null)]
    [InlineData("EC2_LINUX", "arn:aws:iam::111122223333:user/dev-john", null)]
    public void Username_PerType_IsEksDefault(string? type, string principal, string? expected)
    {
        AccessEntryDefaults.Username(type, IamPrincipalArn.Parse(principal)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("EC2_LINUX", new[] { "system:nodes" })]
    [InlineData("EC2_WINDOWS", new[] { "system:nodes" })]
    [InlineData("FARGATE_LINUX", new string[0])]
    [InlineData("HYBRID_LINUX", new string[0])]
    [InlineData("STANDARD", new string[0])]
    public void Groups_PerType_FollowsTheSpecification(string type, string[] expected)
    {
        AccessEntryDefaults.Groups(type).ShouldBe(expected);
    }

    [Theory]
    [InlineData("system:admin", "a custom username may not start with 'system:'")]
    [InlineData("eks:developer", "a custom username may not start with 'eks:'")]
    [InlineData("amazon:x", "a custom username may not start with 'amazon:'")]
    [InlineData("john{{SessionName}}", "a username using {{SessionName}} or {{SessionNameRaw}} needs a ':' before the placeholder")]
    [InlineData("john-{{SessionNameRaw}}", "a username using {{SessionName}} or {{SessionNameRaw}} needs a ':' before the placeholder")]
    [InlineData(":john{{SessionName}}", null)]
    [InlineData("developer", null)]
    public void UsernameRestriction_CustomUsername_MatchesCreateAccessEntryRules(string username, string? expected)
    {
        AccessEntryDefaults.UsernameRestriction(username).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, "STANDARD")]
    [InlineData("", "STANDARD")]
    [InlineData("ec2_linux", "EC2_LINUX")]
    [InlineData("CUSTOM_THING", "CUSTOM_THING")]
    public void NormalizeType_AsEksSpellsIt(string? type, string expected)
    {
        AccessEntryDefaults.NormalizeType(type).ShouldBe(expected);
    }
}
