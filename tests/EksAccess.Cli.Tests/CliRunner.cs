namespace EksAccess.Cli.Tests;

/// <summary>Runs the root command in-process and captures what it printed.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await EksAccessApp.RunAsync(args, new CliContext(stdout, stderr, TimeProvider.System));
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
