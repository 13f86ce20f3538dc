using System.Diagnostics;

namespace EksAccess.Cli.Tests.Fakes;

/// <summary>Runs aws, kubectl, python3 or the built eksaccess to completion.</summary>
internal static class ExternalTool
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>(StringComparer.Ordinal))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The built CLI (<c>dotnet eksaccess.dll …</c>), as kubectl would start it.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> EksaccessAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "eksaccess.dll"), .. arguments], environment);
}
