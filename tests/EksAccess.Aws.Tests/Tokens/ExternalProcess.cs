using System.Diagnostics;

namespace EksAccess.Aws.Tests.Tokens;

/// <summary>Runs a program (aws, python3) to completion and returns its exit code and output.</summary>
internal static class ExternalProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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

    /// <summary>Checks an EKS token's signature with botocore (Tools/verify_eks_token.py): "match" or "mismatch …".</summary>
    public static async Task<string> VerifyTokenAsync(string token, string clusterId, string secretKey, string? sessionToken = null)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Tools", "verify_eks_token.py");
        string[] arguments = sessionToken is null ? [script, token, clusterId, secretKey] : [script, token, clusterId, secretKey, sessionToken];
        var (_, stdout, stderr) = await RunAsync("python3", arguments);
        return (stdout + stderr).Trim();
    }
}
