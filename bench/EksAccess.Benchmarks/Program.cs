using BenchmarkDotNet.Running;
using EksAccess.Testing.Snapshots;

namespace EksAccess.Benchmarks;

internal static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && string.Equals(args[0], "--memory", StringComparison.Ordinal))
        {
            MemoryReport.Run(Console.Out);
            return;
        }

        if (args.Length == 2 && string.Equals(args[0], "--write-snapshot", StringComparison.Ordinal))
        {
            // The 50k-binding snapshot as files, for whole-process benchmarks (bench/rightsize-vs-summary.sh).
            SnapshotGenerator.Write(args[1], SnapshotSize.Large, seed: 42);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
