namespace EksAccess.Cli.Snapshots;

/// <summary>Every snapshot source, one line each; their files must not overlap.</summary>
internal static class SnapshotSourceCatalog
{
    public static IReadOnlyList<Func<ISnapshotSource>> Factories { get; } =
    [
        () => new AwsSnapshotSource(),
        () => new KubernetesSnapshotSource(),
    ];
}
