namespace EksAccess.Cli.Commands;

/// <summary>eksaccess validate -f FILE [-o table|json].</summary>
internal sealed record ValidateRequest(string File, string Output);
