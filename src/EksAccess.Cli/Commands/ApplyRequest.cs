using EksAccess.Cli.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>eksaccess apply: the access config, the target, how to connect, and --auto-approve/--dry-run/--force.</summary>
internal sealed record ApplyRequest(string File, string Target, ConnectionOptions Connection, bool AutoApprove, bool DryRun, bool Force);
