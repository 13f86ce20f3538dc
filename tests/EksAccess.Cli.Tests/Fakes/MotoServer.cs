using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EksAccess.Cli.Tests.Fakes;

/// <summary>
/// <c>python3 -m moto.server</c> on a free loopback port for the CLI tests that call AWS (kubeconfig, onboard
/// --describe), a class fixture of the classes in the sequential "Aws" collection. Sets the process's AWS environment as a CI machine has it:
/// static test keys, no instance metadata, config and credentials files in a temporary directory. (The AWS adapter's
/// tests have their own, richer fixture in EksAccess.Aws.Tests.)
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private readonly Dictionary<string, string?> _previousEnvironment = new(StringComparer.Ordinal);
    private Process? _process;

    public Uri Url { get; private set; } = null!;

    // One directory for the whole test process, never deleted while it runs: AWSSDK.Core remembers the shared
    // config/credentials file paths it first read, so every fixture instance must point at the same, lasting files.
    private static readonly Lazy<string> SharedDirectory = new(() => Directory.CreateTempSubdirectory("eksaccess-cli-moto-").FullName);

    public static string TempDirectory => SharedDirectory.Value;

    public static string ConfigFile => Path.Combine(TempDirectory, "config");

    public static string CredentialsFile => Path.Combine(TempDirectory, "credentials");

#pragma warning disable CA1822 // read from the fixture instance the tests are given
    /// <summary>The environment for child processes (aws, eksaccess): the same AWS settings as this process.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_REGION"] = null,
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_CONFIG_FILE"] = ConfigFile,
        ["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsFile,
        ["KUBECONFIG"] = null,
        ["KUBERNETES_EXEC_INFO"] = null,
        ["AWS_PAGER"] = "",
    };
#pragma warning restore CA1822

    public async ValueTask InitializeAsync()
    {
        // The AWS environment is process-wide: these classes share the sequential "Aws" collection with the classes
        // using AwsTestServers' environment, and DisposeAsync puts theirs back.
        foreach (var (name, value) in Environment)
        {
            _previousEnvironment[name] = System.Environment.GetEnvironmentVariable(name);
            System.Environment.SetEnvironmentVariable(name, value);
        }

        await File.WriteAllTextAsync(ConfigFile, "[default]\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(CredentialsFile, "[dev]\naws_access_key_id = testing\naws_secret_access_key = testing\n", TestContext.Current.CancellationToken);

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        Url = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto.server exited with {_process.ExitCode}: {_output}");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(Url, "/moto-api/"), TestContext.Current.CancellationToken);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"moto.server did not answer within 30 s: {_output}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (name, value) in _previousEnvironment)
        {
            System.Environment.SetEnvironmentVariable(name, value);
        }

        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    /// <summary>Creates an EKS cluster in moto with the aws CLI (moto answers ACTIVE at once); a cluster that exists is kept.</summary>
    /// <summary>
    /// Creates the cluster once. moto's CA data is random base64; a real one is a base64 PEM and always starts with
    /// "LS0t" ("-----"). A random one starting with a digit makes YAML writers differ in quoting (PyYAML leaves
    /// "3abc…" plain, eksaccess quotes anything starting with a digit), so such a cluster is recreated until its CA
    /// data looks like a real one's first character.
    /// </summary>
    public async Task EnsureClusterAsync(string name, string region)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var (exitCode, _, stderr) = await ExternalTool.RunAsync(
                "aws",
                ["eks", "create-cluster", "--name", name, "--region", region, "--role-arn", "arn:aws:iam::123456789012:role/eks-cluster",
                 "--resources-vpc-config", "subnetIds=subnet-1,subnet-2", "--endpoint-url", Url.ToString()],
                Environment);
            if (exitCode != 0 && !stderr.Contains("ResourceInUse", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"aws eks create-cluster failed: {stderr}");
            }

            var (_, ca, _) = await ExternalTool.RunAsync(
                "aws",
                ["eks", "describe-cluster", "--name", name, "--region", region, "--query", "cluster.certificateAuthority.data", "--output", "text", "--endpoint-url", Url.ToString()],
                Environment);
            if (ca.Length > 0 && !char.IsAsciiDigit(ca[0]))
            {
                return;
            }

            await ExternalTool.RunAsync("aws", ["eks", "delete-cluster", "--name", name, "--region", region, "--endpoint-url", Url.ToString()], Environment);
        }

        throw new InvalidOperationException("moto kept generating CA data that starts with a digit");
    }

    private void Keep(string? line)
    {
        lock (_output)
        {
            if (line is not null && _output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
