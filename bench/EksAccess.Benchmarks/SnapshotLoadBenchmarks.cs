using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EksAccess.Core.Snapshots;
using YamlDotNet.RepresentationModel;
using EksAccess.Testing.Snapshots;

namespace EksAccess.Benchmarks;

/// <summary>
/// Loading a large snapshot against merely parsing the same text with YamlDotNet's representation model.
/// Target: <see cref="SnapshotLoad"/> within 2× of <see cref="YamlStreamLoad"/>. Each operation takes seconds, so the
/// job measures a few single runs instead of many short ones.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SnapshotLoadBenchmarks
{
    private IReadOnlyList<SnapshotFile> _files = [];

    [GlobalSetup]
    public void Setup() => _files = SnapshotGenerator.Generate(SnapshotSize.Large, seed: 42);

    [Benchmark(Baseline = true)]
    public int YamlStreamLoad()
    {
        var documents = 0;
        foreach (var file in _files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Text));
            documents += stream.Documents.Count;
        }

        return documents;
    }

    [Benchmark]
    public ClusterSnapshot SnapshotLoad() => SnapshotLoader.Load(_files).Snapshot;
}
