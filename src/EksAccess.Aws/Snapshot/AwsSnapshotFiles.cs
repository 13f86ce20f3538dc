namespace EksAccess.Aws.Snapshot;

/// <summary>
/// The AWS half of a snapshot directory (docs/snapshot-format.md): the texts of <c>cluster.json</c> (as
/// <c>aws eks describe-cluster</c> prints it) and <c>access-entries.json</c>.
/// </summary>
public sealed record AwsSnapshotFiles(string ClusterJson, string AccessEntriesJson)
{
    public const string ClusterFileName = "cluster.json";

    public const string AccessEntriesFileName = "access-entries.json";
}
