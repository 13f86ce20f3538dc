using EksAccess.Cli.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>eksaccess revoke: whom, where (null cluster: the only one in the region), and how far to go.</summary>
internal sealed record RevokeRequest(string Principal, string? Cluster, ConnectionOptions Connection, bool DeleteAccessKeys, bool DryRun, bool Force, string Output);
