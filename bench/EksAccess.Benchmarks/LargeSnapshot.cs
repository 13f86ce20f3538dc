using EksAccess.Core.Snapshots;
using EksAccess.Testing.Snapshots;

namespace EksAccess.Benchmarks;

/// <summary>Generates the large snapshot once per process into a temp directory and reads it back as files.</summary>
internal static class LargeSnapshot
{
    private static readonly Lazy<(string Directory, SnapshotFile[] Files)> Cached = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "eksaccess-bench-large-snapshot");
        if (!Directory.Exists(directory))
        {
            SnapshotGenerator.Write(directory, SnapshotSize.Large, seed: 42);
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new SnapshotFile(f, File.ReadAllText(f)))
            .ToArray();
        return (directory, files);
    });

    public static string Location => Cached.Value.Directory;

    public static SnapshotFile[] Files() => Cached.Value.Files;
}
