using System.Collections.Immutable;
using EksAccess.Aws;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Snapshot;
using EksAccess.Cli.Commands;
using EksAccess.Core.Rendering;

namespace EksAccess.Cli.Snapshots;

/// <summary>The AWS half of a snapshot: cluster.json and access-entries.json, through <see cref="AwsSnapshotReader"/>.</summary>
internal sealed class AwsSnapshotSource : ISnapshotSource
{
    public string Name => "aws";

    public async Task<ImmutableArray<RenderedFile>> ReadAsync(SnapshotRequest request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = AwsOptions.Settings(context, request.Connection.Aws, fallbackRegion: null);
        var clients = context.CreateAwsClients(settings);
        try
        {
            var cluster = request.Cluster ?? await OnlyClusterAsync(clients.Eks, AwsClients.ResolveRegion(settings), cancellationToken);
            var files = await new AwsSnapshotReader(clients.Eks).ReadAsync(cluster, cancellationToken);
            return
            [
                new RenderedFile(AwsSnapshotFiles.ClusterFileName, files.ClusterJson),
                new RenderedFile(AwsSnapshotFiles.AccessEntriesFileName, files.AccessEntriesJson),
            ];
        }
        catch (Exception ex) when (AwsFailures.IsAwsFailure(ex))
        {
            throw AwsFailures.ToRemote(ex, "snapshot cannot read the cluster");
        }
    }

    private static async Task<string> OnlyClusterAsync(IEksClient eks, string? region, CancellationToken cancellationToken)
    {
        var clusters = new List<string>();
        await foreach (var name in eks.ListClustersAllAsync(new ListClustersRequest(), cancellationToken))
        {
            clusters.Add(name);
        }

        return clusters.Count switch
        {
            1 => clusters[0],
            0 => throw new InputException($"no EKS cluster in {region ?? "the default region"} — pass --cluster NAME and --region R"),
            _ => throw new InputException($"{clusters.Count} EKS clusters in {region ?? "the default region"} ({string.Join(", ", clusters.Order(StringComparer.Ordinal))}) — pass --cluster NAME"),
        };
    }
}
