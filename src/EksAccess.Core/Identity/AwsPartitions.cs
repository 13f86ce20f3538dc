using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace EksAccess.Core.Identity;

/// <summary>
/// The one region → partition → DNS-suffix table. The values are botocore's data/partitions.json
/// (<c>regionRegex</c> and <c>outputs.dnsSuffix</c> per partition, the same as endpoints.json): a region belongs to the
/// partition whose prefix it starts with, and to <c>aws</c> otherwise (botocore's fallback). The partition ids are also
/// the ones aws-iam-authenticator accepts (pkg/arn checkPartition): an ARN of any other partition can never authenticate.
/// </summary>
public static partial class AwsPartitions
{
    public const string Aws = "aws";
    public const string AwsCn = "aws-cn";
    public const string AwsUsGov = "aws-us-gov";
    public const string AwsIso = "aws-iso";
    public const string AwsIsoB = "aws-iso-b";
    public const string AwsIsoE = "aws-iso-e";
    public const string AwsIsoF = "aws-iso-f";
    public const string AwsEusc = "aws-eusc";

    /// <summary>Every partition with its region prefix (empty for the default <c>aws</c>) and DNS suffix.</summary>
    public static ImmutableArray<AwsPartition> Table { get; } =
    [
        new(Aws, "", "amazonaws.com"),
        new(AwsCn, "cn-", "amazonaws.com.cn"),
        new(AwsUsGov, "us-gov-", "amazonaws.com"),
        new(AwsIso, "us-iso-", "c2s.ic.gov"),
        new(AwsIsoB, "us-isob-", "sc2s.sgov.gov"),
        new(AwsIsoE, "eu-isoe-", "cloud.adc-e.uk"),
        new(AwsIsoF, "us-isof-", "csp.hci.ic.gov"),
        new(AwsEusc, "eusc-", "amazonaws.eu"),
    ];

    public static ImmutableArray<string> All { get; } = [.. Table.Select(partition => partition.Id)];

    /// <summary>cn-* → aws-cn, us-gov-* → aws-us-gov, us-iso-* → aws-iso, us-isob-* → aws-iso-b, eu-isoe-* → aws-iso-e, us-isof-* → aws-iso-f, eusc-* → aws-eusc, else aws.</summary>
    public static string ForRegion(string region) => PartitionOf(region).Id;

    /// <summary>The DNS suffix of the region's partition (<c>amazonaws.com</c>, <c>amazonaws.com.cn</c>, …).</summary>
    public static string DnsSuffix(string region) => PartitionOf(region).DnsSuffix;

    /// <summary>The partition a region belongs to; <c>aws</c> for a region no other partition claims.</summary>
    public static AwsPartition PartitionOf(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        foreach (var partition in Table)
        {
            if (partition.RegionPrefix.Length > 0 && region.StartsWith(partition.RegionPrefix, StringComparison.Ordinal))
            {
                return partition;
            }
        }

        return Table[0];
    }

    /// <summary>Exact, case-sensitive: the authenticator compares partition ids as written.</summary>
    public static bool IsKnown(string partition) => All.Contains(partition, StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="region"/> has the shape of an AWS region name (<c>us-east-1</c>, <c>us-gov-west-1</c>,
    /// <c>eusc-de-east-1</c>): lower-case letters in dash-separated words and a number, so it can never change a host name.
    /// </summary>
    public static bool IsRegionName(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return RegionPattern().IsMatch(region);
    }

    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]+\\z", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RegionPattern();
}
