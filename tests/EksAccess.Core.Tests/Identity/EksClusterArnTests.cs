using EksAccess.Core.Identity;

namespace EksAccess.Core.Tests.Identity;

public sealed class EksClusterArnTests
{
    [Fact]
    public void TryParse_ClusterArn_HasItsFields()
    {
        EksClusterArn.TryParse("arn:aws-cn:eks:cn-north-1:111122223333:cluster/prod", out var arn).ShouldBeTrue();

        arn.ShouldBe(new EksClusterArn("aws-cn", "cn-north-1", "111122223333", "prod"));
        arn.ToString().ShouldBe("arn:aws-cn:eks:cn-north-1:111122223333:cluster/prod");
    }

    [Theory]
    [InlineData("")]
    [InlineData("arn:aws:iam::111122223333:role/prod")]
    [InlineData("arn:aws:eks::111122223333:cluster/prod")]
    [InlineData("arn:aws:eks:us-east-1::cluster/prod")]
    [InlineData("arn:aws:eks:us-east-1:111122223333:nodegroup/prod")]
    [InlineData("arn::eks:us-east-1:111122223333:cluster/prod")]
    public void TryParse_NotAClusterArn_IsFalse(string text)
    {
        EksClusterArn.TryParse(text, out _).ShouldBeFalse();
    }
}
