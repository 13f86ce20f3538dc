using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Tests.Snapshots;

/// <summary>Loads the snapshot cases under Inputs/Snapshots; diagnostics print paths as "case/file".</summary>
internal static class SnapshotInputs
{
    public static string DirectoryOf(string caseName) => Path.Combine(AppContext.BaseDirectory, "Inputs", "Snapshots", caseName);

    public static SnapshotLoadResult Load(string caseName)
    {
        var files = Directory.GetFiles(DirectoryOf(caseName))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new SnapshotFile($"{caseName}/{name}", File.ReadAllText(Path.Combine(DirectoryOf(caseName), name!))));
        return SnapshotLoader.Load(files);
    }

    public static SnapshotLoadResult LoadFile(string caseName, string fileName) =>
        SnapshotLoader.Load([new SnapshotFile($"{caseName}/{fileName}", File.ReadAllText(Path.Combine(DirectoryOf(caseName), fileName)))]);

    public static SnapshotLoadResult LoadText(string path, string text) => SnapshotLoader.Load([new SnapshotFile(path, text)]);
}
