using System.Collections.Immutable;
using EksAccess.Cli.Commands;
using EksAccess.Core.Rendering;

namespace EksAccess.Cli.Snapshots;

/// <summary>
/// One half of <c>eksaccess snapshot</c>: reads live state and returns the snapshot files it owns (AWS: cluster.json and
/// access-entries.json; Kubernetes: the RBAC and aws-auth objects). The command writes all sources' files at once.
/// </summary>
internal interface ISnapshotSource
{
    string Name { get; }

    Task<ImmutableArray<RenderedFile>> ReadAsync(SnapshotCommand.Request request, CliContext context, CancellationToken cancellationToken);
}
