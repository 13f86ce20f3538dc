using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Snapshots;

/// <summary>
/// What <see cref="SnapshotLoader.Load"/> read. When <see cref="Errors"/> is not empty the snapshot is incomplete
/// (objects with errors are left out) and must not be used for answers.
/// </summary>
public sealed record SnapshotLoadResult(ClusterSnapshot Snapshot, ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Warnings)
{
    public bool HasErrors => !Errors.IsEmpty;
}
