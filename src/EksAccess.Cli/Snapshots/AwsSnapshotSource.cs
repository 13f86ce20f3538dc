using System.Collections.Immutable;
using EksAccess.Aws.Access;
using EksAccess.Aws.Snapshot;
using EksAccess.Cli.Commands;
using EksAccess.Core.Rendering;

namespace EksAccess.Cli.Snapshots;

/// <summary>The AWS half of a snapshot: cluster.json and access-entries.json, through <see cref="IAwsAccessClient.ReadSnapshotFilesAsync"/>.</summary>
internal sealed class AwsSnapshotSource : ISnapshotSource
{
    public string Name => "aws";

    public async Task<ImmutableArray<RenderedFile>> ReadAsync(SnapshotCommand.Request request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var settings = AwsOptions.Settings(context, request.Connection.Aws, fallbackRegion: null);
        var aws = context.CreateAwsAccess(settings);
        try
        {
            var cluster = request.Cluster ?? await OnlyCluster.FindAsync(aws, cancellationToken);
            var files = await aws.ReadSnapshotFilesAsync(cluster, cancellationToken);
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
}
