using System.Diagnostics.CodeAnalysis;

namespace EksAccess.Core.Identity;

/// <summary>
/// The ARN of an EKS cluster, <c>arn:PARTITION:eks:REGION:ACCOUNT:cluster/NAME</c>, as DescribeCluster returns it:
/// partition, region and account are non-empty, the resource starts with <c>cluster/</c>.
/// </summary>
public sealed record EksClusterArn(string Partition, string Region, string AccountId, string Name)
{
    private const string ResourcePrefix = "cluster/";

    public static bool TryParse(string? text, [NotNullWhen(true)] out EksClusterArn? arn)
    {
        arn = null;
        if (!AwsArn.TryParse(text, out var parsed, out _)
            || !string.Equals(parsed.Service, "eks", StringComparison.Ordinal)
            || parsed.Partition.Length == 0
            || parsed.Region.Length == 0
            || parsed.AccountId.Length == 0
            || !parsed.Resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        arn = new EksClusterArn(parsed.Partition, parsed.Region, parsed.AccountId, parsed.Resource[ResourcePrefix.Length..]);
        return true;
    }

    public override string ToString() => $"arn:{Partition}:eks:{Region}:{AccountId}:{ResourcePrefix}{Name}";
}
