using EksAccess.Cli.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>eksaccess snapshot: the output directory, the cluster (null: the only one in the region), and how to connect.</summary>
internal sealed record SnapshotRequest(string OutputDirectory, string? Cluster, ConnectionOptions Connection);
