using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using EksAccess.Aws;

namespace EksAccess.Testing.Aws;

/// <summary>
/// Starts <c>python3 -m moto.server</c> on a free loopback port (polling <c>/moto-api/</c> every 100 ms, 30 s at most)
/// and the in-process <see cref="AwsFake"/> in front of it, once per test assembly. The client environment is that of
/// a CI machine: <c>AWS_ACCESS_KEY_ID=testing</c>, region us-east-1, no instance metadata, config files in a
/// temporary directory. Classes using it sit in the <c>Aws</c> collection (run one at a time) and call
/// <see cref="ResetForClassAsync"/>, which wipes moto and the fake when a new class starts.
/// </summary>
public sealed class AwsTestServers : IAsyncLifetime
{
    private readonly StringBuilder _motoOutput = new();
    private Process? _moto;
    private Type? _lastClass;

    public Uri MotoUrl { get; private set; } = null!;

    public AwsFake Fake { get; private set; } = null!;

    public string TempDirectory { get; } = Directory.CreateTempSubdirectory("eksaccess-aws-tests-").FullName;

    public string ConfigFile => Path.Combine(TempDirectory, "config");

    public string CredentialsFile => Path.Combine(TempDirectory, "credentials");

    /// <summary>The path of botocore's data folder (for the official service models).</summary>
    public string BotocoreData { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        await File.WriteAllTextAsync(ConfigFile, "[default]\n", TestContext.Current.CancellationToken);
        // A [dev] profile for the CLI's `--profile dev` tests (AWSSDK.Core caches shared-file profiles per process).
        await File.WriteAllTextAsync(CredentialsFile, "[dev]\naws_access_key_id = testing\naws_secret_access_key = testing\n", TestContext.Current.CancellationToken);

        var port = FreePort();
        MotoUrl = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("python3")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        _moto = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        _moto.OutputDataReceived += (_, e) => Keep(e.Data);
        _moto.ErrorDataReceived += (_, e) => Keep(e.Data);
        _moto.BeginOutputReadLine();
        _moto.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_moto.HasExited)
            {
                throw new InvalidOperationException($"moto.server exited with {_moto.ExitCode}: {Output()}");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(MotoUrl, "moto-api/"), TestContext.Current.CancellationToken);
                if (answer.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"moto.server did not answer within 30 s: {Output()}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Fake = await AwsFake.StartAsync(MotoUrl, TestContext.Current.CancellationToken);
        BotocoreData = await BotocoreDataFolderAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }

        if (_moto is { HasExited: false })
        {
            _moto.Kill(entireProcessTree: true);
            await _moto.WaitForExitAsync();
        }

        _moto?.Dispose();
        try
        {
            Directory.Delete(TempDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Wipes moto and the fake when <paramref name="testClass"/> differs from the class that ran last.</summary>
    public async Task ResetForClassAsync(Type testClass)
    {
        // State is kept within a class, but each test sees only its own requests: tests run in any order.
        Fake.Requests.Clear();
        if (_lastClass == testClass)
        {
            return;
        }

        _lastClass = testClass;
        using var http = new HttpClient();
        using var answer = await http.PostAsync(new Uri(MotoUrl, "moto-api/reset"), content: null, TestContext.Current.CancellationToken);
        answer.EnsureSuccessStatusCode();
        Fake.Reset();
    }

    /// <summary>Settings that reach AWS through the fake (and moto behind it), with short retry delays.</summary>
    public AwsClientSettings Settings(AWSCredentials? credentials = null) => new()
    {
        EndpointUrl = Fake.Url,
        Credentials = credentials,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(200),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    public AwsClients Clients(AWSCredentials? credentials = null) => AwsClients.Create(Settings(credentials));

    /// <summary>
    /// The environment for child processes (aws, the built eksaccess): this fixture's static test keys and files, no
    /// region, profile or endpoint of the developer's own, no kubeconfig.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ChildEnvironment => new Dictionary<string, string?>(StringComparer.Ordinal)
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

    /// <summary>
    /// Creates an EKS cluster in moto with the aws CLI (moto answers ACTIVE at once); a cluster that exists is kept.
    /// moto's CA data is random base64; a real one is a base64 PEM and always starts with "LS0t" ("-----"). A random
    /// one starting with a digit makes YAML writers differ in quoting (PyYAML leaves "3abc…" plain, eksaccess quotes
    /// anything starting with a digit), so such a cluster is recreated until its CA data looks like a real one's.
    /// </summary>
    public async Task EnsureClusterAsync(string name, string region)
    {
        var endpoint = MotoUrl.ToString();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var (exitCode, _, stderr) = await ExternalTool.RunAsync(
                "aws",
                ["eks", "create-cluster", "--name", name, "--region", region, "--role-arn", "arn:aws:iam::123456789012:role/eks-cluster",
                 "--resources-vpc-config", "subnetIds=subnet-1,subnet-2", "--endpoint-url", endpoint],
                ChildEnvironment);
            if (exitCode != 0 && !stderr.Contains("ResourceInUse", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"aws eks create-cluster failed: {stderr}");
            }

            var (_, ca, _) = await ExternalTool.RunAsync(
                "aws",
                ["eks", "describe-cluster", "--name", name, "--region", region, "--query", "cluster.certificateAuthority.data", "--output", "text", "--endpoint-url", endpoint],
                ChildEnvironment);
            if (ca.Length > 0 && !char.IsAsciiDigit(ca[0]))
            {
                return;
            }

            await ExternalTool.RunAsync("aws", ["eks", "delete-cluster", "--name", name, "--region", region, "--endpoint-url", endpoint], ChildEnvironment);
        }

        throw new InvalidOperationException("moto kept generating CA data that starts with a digit");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> BotocoreDataFolderAsync()
    {
        var start = new ProcessStartInfo("python3", ["-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return output.Trim();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_motoOutput)
        {
            if (_motoOutput.Length < 20_000)
            {
                _motoOutput.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_motoOutput)
        {
            return _motoOutput.ToString();
        }
    }
}
