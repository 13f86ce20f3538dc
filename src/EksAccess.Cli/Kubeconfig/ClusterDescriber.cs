using EksAccess.Aws;
using EksAccess.Aws.Access;
using EksAccess.Core.Identity;

namespace EksAccess.Cli.Kubeconfig;

/// <summary>Reads a cluster's endpoint and CA with DescribeCluster, refusing clusters that are not ACTIVE or UPDATING (as aws does).</summary>
internal static class ClusterDescriber
{
    public static async Task<ClusterConnection> DescribeAsync(AwsClientSettings settings, string clusterName, CancellationToken cancellationToken)
    {
        var aws = AwsAccessClient.Create(settings, TimeProvider.System);
        var region = aws.Region ?? throw new InputException("no AWS region: pass --region, set AWS_REGION, or set region in the profile");
        var cluster = await AwsFailures.RunAsync(
            () => aws.DescribeClusterAsync(clusterName, cancellationToken),
            $"no cluster '{clusterName}' in {region}: check the cluster name and --region").ConfigureAwait(false);
        if (cluster.Status is not ("ACTIVE" or "UPDATING"))
        {
            throw new RemoteException($"cluster {clusterName} is {cluster.Status ?? "in an unknown state"}: a kubeconfig needs an ACTIVE (or UPDATING) cluster — wait and retry");
        }

        if (string.IsNullOrEmpty(cluster.Arn) || string.IsNullOrEmpty(cluster.Endpoint))
        {
            throw new RemoteException($"DescribeCluster {clusterName}: the answer has no arn or endpoint");
        }

        var arn = AwsArn.ParseOrNull(cluster.Arn);
        return new ClusterConnection(
            cluster.Name,
            cluster.Arn,
            arn is { Region.Length: > 0 } ? arn.Region : region,
            cluster.Endpoint,
            cluster.CertificateAuthorityData ?? "");
    }
}
