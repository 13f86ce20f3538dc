using EksAccess.Aws;
using EksAccess.Kubernetes;

namespace EksAccess.Cli.Tests.Commands;

/// <summary>Runs the CLI in-process against moto and the access-entry fake, and seeds clusters.</summary>
internal static class AwsCli
{
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static string Input(string name) => Path.Combine(AppContext.BaseDirectory, "Inputs", "Aws", name);

    public static CliContext Context(AwsTestServers servers, StringWriter stdout, StringWriter stderr, TextReader? stdin = null, int maxAttempts = 3) =>
        new(stdout, stderr, TimeProvider.System)
        {
            Stdin = stdin,
            AwsDefaults = servers.Settings() with { MaxAttempts = maxAttempts },

            // No KUBECONFIG or ~/.kube/config of the machine running the tests: a cluster is only what --kubeconfig names.
            KubernetesDefaults = new KubernetesConnectionOptions { EnvironmentVariables = _ => null },
        };

    public static async Task<CliResult> RunAsync(AwsTestServers servers, params string[] args) => await RunAsync(servers, stdin: null, maxAttempts: 3, args);

    public static async Task<CliResult> RunAsync(AwsTestServers servers, TextReader? stdin, int maxAttempts, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await EksAccessApp.RunAsync(args, Context(servers, stdout, stderr, stdin, maxAttempts));
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static async Task CreateClusterAsync(AwsTestServers servers, string name, string mode) =>
        await new RawAws(servers.Settings()).CreateClusterAsync(name, mode, Token);

    public static AwsClients Clients(AwsTestServers servers) => servers.Clients();
}
