using EksAccess.Core.Tokens;

namespace EksAccess.Core.Tests.Tokens;

public sealed class StsTokenEndpointTests
{
    [Theory]
    [InlineData("us-east-1", "https://sts.us-east-1.amazonaws.com/")]
    [InlineData("eu-west-1", "https://sts.eu-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://sts.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "https://sts.us-gov-west-1.amazonaws.com/")]
    [InlineData("us-iso-east-1", "https://sts.us-iso-east-1.c2s.ic.gov/")]
    public void ForRegion_Region_IsThePartitionsRegionalEndpoint(string region, string expected)
    {
        StsTokenEndpoint.ForRegion(region).AbsoluteUri.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("evil.com/x")]
    [InlineData("us-east-1.attacker.net#")]
    [InlineData("US-EAST-1")]
    public void ForRegion_NotARegion_Throws(string region)
    {
        Should.Throw<ArgumentException>(() => StsTokenEndpoint.ForRegion(region));
    }
}
