namespace EksAccess.Core.Config;

/// <summary>AWS partitions and the partition a region belongs to.</summary>
internal static class AwsPartitions
{
    public const string Aws = "aws";

    /// <summary>The partitions aws-iam-authenticator accepts in an ARN (eks-semantics.md §f).</summary>
    public static readonly IReadOnlyList<string> All =
        ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

    /// <summary>cn-* → aws-cn, us-gov-* → aws-us-gov, us-iso-* → aws-iso, us-isob-* → aws-iso-b, eu-isoe-* → aws-iso-e, us-isof-* → aws-iso-f, eusc-* → aws-eusc, else aws.</summary>
    public static string ForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return "aws-cn";
        }

        if (region.StartsWith("us-gov-", StringComparison.Ordinal))
        {
            return "aws-us-gov";
        }

        if (region.StartsWith("eusc-", StringComparison.Ordinal))
        {
            return "aws-eusc";
        }

        var parts = region.Split('-');
        if (parts.Length > 1)
        {
            switch (parts[1])
            {
                case "iso":
                    return "aws-iso";
                case "isob":
                    return "aws-iso-b";
                case "isoe":
                    return "aws-iso-e";
                case "isof":
                    return "aws-iso-f";
            }
        }

        return Aws;
    }

    public static bool IsKnown(string partition) => All.Contains(partition, StringComparer.Ordinal);
}
