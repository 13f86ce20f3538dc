using EksAccess.Core.Identity;

namespace EksAccess.Core.Tokens;

/// <summary>
/// The STS host an EKS token is presigned for: the regional endpoint of the region's partition
/// (<c>https://sts.REGION.amazonaws.com/</c>, <c>.amazonaws.com.cn</c> in China), as aws eks get-token uses it.
/// </summary>
public static class StsTokenEndpoint
{
    /// <summary>Whether <paramref name="region"/> looks like an AWS region name (so it cannot change the URL's host).</summary>
    public static bool IsValidRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return AwsPartitions.IsRegionName(region);
    }

    /// <exception cref="ArgumentException">The region is not a region name.</exception>
    public static Uri ForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (!IsValidRegion(region))
        {
            throw new ArgumentException($"'{region}' is not an AWS region name (e.g. us-east-1)", nameof(region));
        }

        return new Uri($"https://sts.{region}.{DnsSuffix(region)}/");
    }

    /// <summary>The partition's DNS suffix for a region (<see cref="AwsPartitions"/>).</summary>
    public static string DnsSuffix(string region) => AwsPartitions.DnsSuffix(region);
}
