using EksAccess.Cli.Planning;

namespace EksAccess.Cli.Audit;

/// <summary>What every audit command was asked: the source (cluster or files), the connection and the window as given.</summary>
internal sealed record AuditRequest(
    string? Cluster,
    AwsConnectionOptions Connection,
    string? Since,
    string? Until,
    IReadOnlyList<string> AuditFiles,
    bool Quiet);
