using EksAccess.Cli.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>What <see cref="StateOptions"/> read: one of snapshot, config or live cluster, and the audit files.</summary>
internal sealed record StateRequest(string? Snapshot, string? File, string? Cluster, ConnectionOptions Connection, IReadOnlyList<string> AuditFiles, bool IncludeDefaultRoles);
