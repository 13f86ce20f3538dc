using EksAccess.Core.Evaluation;
using EksAccess.Core.Snapshots;

namespace EksAccess.Benchmarks;

/// <summary><c>--memory</c>: retained bytes of an indexed model versus the snapshot's size on disk (target ≤ 10×).</summary>
internal static class MemoryReport
{
    public static void Run(TextWriter output)
    {
        var files = LargeSnapshot.Files();
        var diskBytes = files.Sum(f => new FileInfo(f.Path).Length);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var model = AccessModel.Build(SnapshotLoader.Load(files).Snapshot);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(model);
        var retained = after - before;
        output.WriteLine($"snapshot on disk: {diskBytes / 1048576.0:F1} MiB; indexed model retains: {retained / 1048576.0:F1} MiB; ratio {retained / (double)diskBytes:F2}x (target <= 10x)");
    }
}
