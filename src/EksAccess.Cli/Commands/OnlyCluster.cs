using EksAccess.Aws.Access;

namespace EksAccess.Cli.Commands;

/// <summary>The default of --cluster for revoke and snapshot: the region's only EKS cluster.</summary>
internal static class OnlyCluster
{
    /// <summary>The one cluster of the region; none or several is bad input (exit 3) that says to pass --cluster.</summary>
    public static async Task<string> FindAsync(IAwsAccessClient aws, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aws);
        var clusters = await aws.ListClustersAsync(cancellationToken);
        var region = aws.Region ?? "the default region";
        return clusters.Length switch
        {
            1 => clusters[0],
            0 => throw new InputException($"no EKS cluster in {region} — pass --cluster NAME and --region R"),
            _ => throw new InputException($"{clusters.Length} EKS clusters in {region} ({string.Join(", ", clusters)}) — pass --cluster NAME"),
        };
    }
}
