using System.Collections.Immutable;

namespace EksAccess.Core.Identity;

/// <summary>
/// The AWS partitions aws-iam-authenticator accepts (pkg/arn checkPartition). An ARN of any other
/// partition is refused by its canonicalization, so it can never authenticate to EKS.
/// </summary>
public static class AwsPartitions
{
    public const string Aws = "aws";
    public const string AwsCn = "aws-cn";
    public const string AwsUsGov = "aws-us-gov";
    public const string AwsIso = "aws-iso";
    public const string AwsIsoB = "aws-iso-b";
    public const string AwsIsoE = "aws-iso-e";
    public const string AwsIsoF = "aws-iso-f";
    public const string AwsEusc = "aws-eusc";

    public static ImmutableArray<string> All { get; } = [Aws, AwsCn, AwsUsGov, AwsIso, AwsIsoB, AwsIsoE, AwsIsoF, AwsEusc];

    /// <summary>cn-* → aws-cn, us-gov-* → aws-us-gov, us-iso-* → aws-iso, us-isob-* → aws-iso-b, eu-isoe-* → aws-iso-e, us-isof-* → aws-iso-f, eusc-* → aws-eusc, else aws.</summary>
    public static string ForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return AwsCn;
        }

        if (region.StartsWith("us-gov-", StringComparison.Ordinal))
        {
            return AwsUsGov;
        }

        if (region.StartsWith("eusc-", StringComparison.Ordinal))
        {
            return AwsEusc;
        }

        var parts = region.Split('-');
        return parts.Length > 1
            ? parts[1] switch
            {
                "iso" => AwsIso,
                "isob" => AwsIsoB,
                "isoe" => AwsIsoE,
                "isof" => AwsIsoF,
                _ => Aws,
            }
            : Aws;
    }

    /// <summary>Exact, case-sensitive: the authenticator compares partition ids as written.</summary>
    public static bool IsKnown(string partition) => All.Contains(partition, StringComparer.Ordinal);
}
