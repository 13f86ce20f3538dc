using EksAccess.Aws.Access;
using EksAccess.Cli.Commands;
using EksAccess.Core.Snapshots;

namespace EksAccess.Cli.Planning;

/// <summary>
/// The AWS half of a live snapshot, for commands that judge access on the cluster (verify --live, revoke, the
/// Kubernetes target's cluster-admin check): DescribeCluster and the access entries with their policies, read by
/// <see cref="IAwsAccessClient.ReadClusterAsync"/>; this class only turns its failures into the CLI's.
/// </summary>
internal static class LiveAwsState
{
    /// <summary>Reads the cluster's AWS state; AWS failures become <see cref="RemoteException"/>.</summary>
    public static async Task<ClusterSnapshot> ReadAsync(CliContext context, AwsConnectionOptions options, string clusterName, string? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return await context.CreateAwsAccess(AwsOptions.Settings(context, options, region)).ReadClusterAsync(clusterName, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new RemoteException(ex.Message, ex);
        }
        catch (Exception ex) when (AwsFailures.IsAwsFailure(ex))
        {
            throw AwsFailures.ToRemote(ex, $"cannot read cluster {clusterName} and its access entries");
        }
    }

    /// <summary>As <see cref="ReadAsync"/>, but a failure is a warning on <paramref name="progress"/> and null.</summary>
    public static async Task<ClusterSnapshot?> TryReadAsync(CliContext context, AwsConnectionOptions options, string clusterName, string? region, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        try
        {
            return await ReadAsync(context, options, clusterName, region, cancellationToken);
        }
        catch (RemoteException ex)
        {
            await progress.WriteLineAsync($"warning: {ex.Message} — the cluster-admin check sees aws-auth only").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The live snapshot: the Kubernetes objects with the AWS cluster and access entries laid in.</summary>
    public static ClusterSnapshot Combine(ClusterSnapshot kubernetes, ClusterSnapshot? aws)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        return aws is null ? kubernetes : kubernetes with { Cluster = aws.Cluster, AccessEntries = aws.AccessEntries };
    }
}
