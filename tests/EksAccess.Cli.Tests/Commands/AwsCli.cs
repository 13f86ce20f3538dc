using EksAccess.Aws;
using EksAccess.Aws.Iam.Model;
using EksAccess.Kubernetes;

namespace EksAccess.Cli.Tests.Commands;

/// <summary>Runs the CLI in-process against moto and the access-entry fake, and seeds clusters.</summary>
internal static class AwsCli
{
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Where aws-auth backups of these tests go (the default is under the home directory of whoever runs them).</summary>
    public static string BackupRoot { get; } = Path.Combine(Path.GetTempPath(), "eksaccess-cli-tests-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "backups");

    public static string Input(string name) => Path.Combine(AppContext.BaseDirectory, "Inputs", "Aws", name);

    public static CliContext Context(AwsTestServers servers, StringWriter stdout, StringWriter stderr, TextReader? stdin = null, int maxAttempts = 3) =>
        new(stdout, stderr, TimeProvider.System)
        {
            Stdin = stdin,
            AwsDefaults = servers.Settings() with { MaxAttempts = maxAttempts },
            BackupRoot = BackupRoot,

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

    /// <summary>The IAM principals the test configs reference without creating them (node roles, admins by ARN): a real account has them, and plan checks.</summary>
    public static readonly string[] ReferencedRoles = ["EKSNodeRole", "PlatformAdmin", "eks-node-role"];

    public static readonly string[] ReferencedUsers = ["eks-admin"];

    /// <summary>Creates the cluster and the principals of <see cref="ReferencedRoles"/> and <see cref="ReferencedUsers"/> (already there is fine).</summary>
    public static async Task CreateClusterAsync(AwsTestServers servers, string name, string mode)
    {
        await new RawAws(servers.Settings()).CreateClusterAsync(name, mode, Token);
        var iam = servers.Clients().Iam;
        const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        foreach (var role in ReferencedRoles)
        {
            await IgnoreExistingAsync(() => iam.CreateRoleAsync(new CreateRoleRequest { RoleName = role, AssumeRolePolicyDocument = Trust }, Token));
        }

        foreach (var user in ReferencedUsers)
        {
            await IgnoreExistingAsync(() => iam.CreateUserAsync(new CreateUserRequest { UserName = user }, Token));
        }
    }

    private static async Task IgnoreExistingAsync(Func<Task> create)
    {
        try
        {
            await create();
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "EntityAlreadyExists")
        {
        }
    }

    public static AwsClients Clients(AwsTestServers servers) => servers.Clients();
}
