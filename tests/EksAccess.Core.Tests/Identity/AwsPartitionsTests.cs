using EksAccess.Core.Identity;
using EksAccess.Core.Tokens;

namespace EksAccess.Core.Tests.Identity;

/// <summary>Every partition of botocore's data/partitions.json (regionRegex, outputs.dnsSuffix).</summary>
public sealed class AwsPartitionsTests
{
    [Theory]
    [InlineData("us-east-1", "aws", "amazonaws.com")]
    [InlineData("il-central-1", "aws", "amazonaws.com")]
    [InlineData("cn-northwest-1", "aws-cn", "amazonaws.com.cn")]
    [InlineData("us-gov-west-1", "aws-us-gov", "amazonaws.com")]
    [InlineData("us-iso-east-1", "aws-iso", "c2s.ic.gov")]
    [InlineData("us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov")]
    [InlineData("eu-isoe-west-1", "aws-iso-e", "cloud.adc-e.uk")]
    [InlineData("us-isof-south-1", "aws-iso-f", "csp.hci.ic.gov")]
    [InlineData("eusc-de-east-1", "aws-eusc", "amazonaws.eu")]
    public void PartitionOf_RegionOfEachPartition_IsBotocoresPartitionAndSuffix(string region, string partition, string dnsSuffix)
    {
        var actual = AwsPartitions.PartitionOf(region);

        actual.Id.ShouldBe(partition);
        actual.DnsSuffix.ShouldBe(dnsSuffix);
        AwsPartitions.ForRegion(region).ShouldBe(partition);
        AwsPartitions.IsRegionName(region).ShouldBeTrue();
        StsTokenEndpoint.ForRegion(region).AbsoluteUri.ShouldBe($"https://sts.{region}.{dnsSuffix}/");
    }

    [Fact]
    public void Table_EveryPartition_IsKnownOnce()
    {
        AwsPartitions.All.ShouldBe(["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]);
        AwsPartitions.All.ShouldAllBe(partition => AwsPartitions.IsKnown(partition));
    }

    [Theory]
    [InlineData("")]
    [InlineData("us-east-1.evil.net")]
    [InlineData("US-EAST-1")]
    [InlineData("us-east-1\n")]
    public void IsRegionName_NotARegion_IsFalse(string region)
    {
        AwsPartitions.IsRegionName(region).ShouldBeFalse();
    }
}
