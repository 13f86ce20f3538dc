using EksAccess.Cli.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>eksaccess plan: the access config, the target (aws, kubernetes or all), how to connect, and the output format.</summary>
internal sealed record PlanRequest(string File, string Target, ConnectionOptions Connection, string Output);
