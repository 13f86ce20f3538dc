using System.Text.RegularExpressions;

namespace EksAccess.Core.Tokens;

/// <summary>
/// The STS host an EKS token is presigned for: the regional endpoint of the region's partition
/// (<c>https://sts.REGION.amazonaws.com/</c>, <c>.amazonaws.com.cn</c> in China), as aws eks get-token uses it.
/// </summary>
public static partial class StsTokenEndpoint
{
    /// <summary>Whether <paramref name="region"/> looks like an AWS region name (so it cannot change the URL's host).</summary>
    public static bool IsValidRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return RegionPattern().IsMatch(region);
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

    /// <summary>The partition's DNS suffix for a region.</summary>
    public static string DnsSuffix(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return "amazonaws.com.cn";
        }

        if (region.StartsWith("us-isob-", StringComparison.Ordinal))
        {
            return "sc2s.sgov.gov";
        }

        if (region.StartsWith("us-iso-", StringComparison.Ordinal))
        {
            return "c2s.ic.gov";
        }

        if (region.StartsWith("eu-isoe-", StringComparison.Ordinal))
        {
            return "cloud.adc-e.uk";
        }

        if (region.StartsWith("us-isof-", StringComparison.Ordinal))
        {
            return "csp.hci.ic.gov";
        }

        return region.StartsWith("eusc-", StringComparison.Ordinal) ? "amazonaws.eu" : "amazonaws.com";
    }

    [GeneratedRegex("^[a-z]{2,}(-[a-z0-9]+)+-[0-9]+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RegionPattern();
}
