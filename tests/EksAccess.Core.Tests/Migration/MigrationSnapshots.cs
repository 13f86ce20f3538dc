using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Tests.Migration;

/// <summary>The snapshots migrate is tested on: the failure corpus (Inputs/Migrate/corpus) and the seeds' examples.</summary>
internal static class MigrationSnapshots
{
    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Inputs", "Migrate", "corpus");

    public static ClusterSnapshot Corpus() => Load(CorpusDirectory);

    /// <summary>Seed 000 (API_AND_CONFIG_MAP, node role and dev-john already have entries) and seed 001 (CONFIG_MAP, node role + k8s-devs + a system:masters user).</summary>
    public static ClusterSnapshot Seed(string example) => Load(Path.Combine(TestFiles.RepositoryRoot, "examples", example, "snapshot"));

    public static ClusterSnapshot Load(string directory)
    {
        var files = Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal).Select(path => new SnapshotFile(path, File.ReadAllText(path)));
        var loaded = SnapshotLoader.Load(files);
        loaded.HasErrors.ShouldBeFalse(string.Join("; ", loaded.Errors));
        return loaded.Snapshot;
    }
}
