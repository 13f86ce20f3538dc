using System.Diagnostics;

namespace EksAccess.Testing;

/// <summary>
/// Runs an installed tool (bash, terraform, shellcheck, kubectl, aws, python3, dotnet) for checks only the real tool can
/// make. <see cref="Require"/> skips the test when the tool is missing, and fails it instead when CI is true, so CI cannot
/// silently skip a check.
/// </summary>
internal static class ExternalTool
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <param name="name">The executable's name, looked up on PATH.</param>
    /// <param name="why">What the test needs it for, for the skip or failure message.</param>
    /// <param name="requiredInCi">false for tools the machine image may lack (terraform is not a Debian package): those skip even in CI.</param>
    public static string Require(string name, string why, bool requiredInCi = true)
    {
        var path = Find(name);
        if (path is not null)
        {
            return path;
        }

        if (requiredInCi && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{name} is not on PATH; CI must have it to {why}.");
        }

        Assert.Skip($"{name} is not on PATH (needed to {why})");
        return name;
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> to completion with <paramref name="stdin"/> (empty if null) as its input; a
    /// <c>null</c> environment value removes the variable. Cancelled after <paramref name="timeout"/> (60 s by default).
    /// </summary>
    public static async Task<ToolResult> RunAsync(
        string fileName,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? stdin = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>(StringComparer.Ordinal))
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout ?? DefaultTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.StandardInput.WriteAsync(stdin ?? "");
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancel.Token);
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The built CLI (<c>dotnet eksaccess.dll …</c>) from the test's output folder, as kubectl would start it.</summary>
    public static Task<ToolResult> EksaccessAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "eksaccess.dll"), .. arguments], environment);
}

internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr);
