using BenchmarkDotNet.Running;

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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
