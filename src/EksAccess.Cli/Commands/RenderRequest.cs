namespace EksAccess.Cli.Commands;

/// <summary>eksaccess render: the access config, the --format, and the output directory (null → stdout).</summary>
internal sealed record RenderRequest(string File, string Format, string? OutputDirectory);
