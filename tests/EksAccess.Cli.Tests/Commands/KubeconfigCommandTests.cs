using System.Text.Json;
using k8s;

namespace EksAccess.Cli.Tests.Commands;

/// <summary><c>eksaccess kubeconfig</c> side by side with <c>aws eks update-kubeconfig</c>, both against the same moto.</summary>
[Collection(AwsSequential.Name)]
public sealed class KubeconfigCommandTests(AwsTestServers servers) : IDisposable
{
    private const string Cluster = "dev1";
    private const string Region = "us-east-1";
    private const string ClusterArn = "arn:aws:eks:us-east-1:123456789012:cluster/dev1";
    private const string RoleArn = "arn:aws:iam::123456789012:role/EKSDeveloperRole";

    private readonly string _directory = Directory.CreateTempSubdirectory("eksaccess-kubeconfig-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("--role-arn " + RoleArn)]
    [InlineData("--alias dev1-dev --user-alias dev-john")]
    [InlineData("--role-arn " + RoleArn + " --alias dev1-dev --profile dev")]
    public async Task Kubeconfig_SameArgumentsAsAwsUpdateKubeconfig_WritesTheSameFile(string arguments)
    {
        var extra = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await servers.EnsureClusterAsync(Cluster, Region);
        var awsFile = Path.Combine(_directory, "aws");
        var ourFile = Path.Combine(_directory, "eksaccess");

        var aws = await ExternalTool.RunAsync(
            "aws", ["eks", "update-kubeconfig", "--name", Cluster, "--region", Region, "--kubeconfig", awsFile, "--endpoint-url", servers.MotoUrl.ToString(), .. extra], servers.ChildEnvironment);
        var ours = await CliRunner.RunAsync(["kubeconfig", "--cluster", Cluster, "--region", Region, "--kubeconfig", ourFile, "--endpoint-url", servers.MotoUrl.ToString(), .. extra]);

        aws.ExitCode.ShouldBe(ExitCodes.Success, aws.Stderr);
        ours.ExitCode.ShouldBe(ExitCodes.Success, ours.Stderr);
        var ourText = await File.ReadAllTextAsync(ourFile, TestContext.Current.CancellationToken);
        var awsText = await File.ReadAllTextAsync(awsFile, TestContext.Current.CancellationToken);
        ourText.ShouldBe(awsText);
        ours.Stdout.ShouldBe(aws.Stdout.Replace(awsFile, ourFile, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(ourFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var loaded = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(ourFile));
        loaded.Clusters.ShouldHaveSingleItem().Name.ShouldBe(ClusterArn);
        loaded.Users.ShouldHaveSingleItem().UserCredentials.ExternalExecution.ShouldNotBeNull().Command.ShouldBe("aws");
    }

    [Fact]
    public async Task Kubeconfig_ExecEksaccessWithNamespace_KubectlReadsTheContextAndPlugin()
    {
        await servers.EnsureClusterAsync(Cluster, Region);
        var file = Path.Combine(_directory, "config");

        var result = await CliRunner.RunAsync(
            "kubeconfig", "--cluster", Cluster, "--region", Region, "--kubeconfig", file, "--endpoint-url", servers.MotoUrl.ToString(),
            "--exec", "eksaccess", "--role-arn", RoleArn, "--alias", "dev1-dev", "--namespace", "dev-apps");
        var view = await ExternalTool.RunAsync("kubectl", ["config", "view", "--kubeconfig", file, "--minify", "-o", "json"]);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        view.ExitCode.ShouldBe(ExitCodes.Success, view.Stderr);
        using var json = JsonDocument.Parse(view.Stdout);
        json.RootElement.GetProperty("current-context").GetString().ShouldBe("dev1-dev");
        json.RootElement.GetProperty("contexts")[0].GetProperty("context").GetProperty("namespace").GetString().ShouldBe("dev-apps");
        var exec = json.RootElement.GetProperty("users")[0].GetProperty("user").GetProperty("exec");
        exec.GetProperty("command").GetString().ShouldBe("eksaccess");
        exec.GetProperty("apiVersion").GetString().ShouldBe("client.authentication.k8s.io/v1beta1");
        exec.GetProperty("args").EnumerateArray().Select(a => a.GetString()).ShouldBe(["token", "--cluster-name", Cluster, "--region", Region, "--role-arn", RoleArn]);
        json.RootElement.GetProperty("clusters")[0].GetProperty("cluster").GetProperty("server").GetString().ShouldStartWith("https://");
        var loaded = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(file));
        loaded.Contexts.ShouldHaveSingleItem().ContextDetails.Namespace.ShouldBe("dev-apps");
    }

    [Fact]
    public async Task Kubeconfig_ExistingFile_KeepsEveryOtherClusterUserContextAndField()
    {
        await servers.EnsureClusterAsync(Cluster, Region);
        var file = Path.Combine(_directory, "config");
        await File.WriteAllTextAsync(file, """
            apiVersion: v1
            kind: Config
            preferences:
              colors: true
            current-context: kind-dev
            clusters:
            - cluster:
                server: https://127.0.0.1:6443
                insecure-skip-tls-verify: true
              name: kind-dev
            contexts:
            - context:
                cluster: kind-dev
                user: kind-dev
                namespace: default
              name: kind-dev
            users:
            - name: kind-dev
              user:
                token: abc
            extensions:
            - name: my-extension
              extension:
                retries: 3

            """, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("kubeconfig", "--cluster", Cluster, "--region", Region, "--kubeconfig", file, "--endpoint-url", servers.MotoUrl.ToString());
        var view = await ExternalTool.RunAsync("kubectl", ["config", "view", "--kubeconfig", file, "-o", "json"]);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldBe($"Added new context {ClusterArn} to {file}\n");
        using var json = JsonDocument.Parse(view.Stdout);
        json.RootElement.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ShouldBe([ClusterArn, "kind-dev"]);
        json.RootElement.GetProperty("users").GetArrayLength().ShouldBe(2);
        json.RootElement.GetProperty("contexts").GetArrayLength().ShouldBe(2);
        json.RootElement.GetProperty("current-context").GetString().ShouldBe(ClusterArn);
        json.RootElement.GetProperty("preferences").GetProperty("colors").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("extensions")[0].GetProperty("name").GetString().ShouldBe("my-extension");
        var again = await CliRunner.RunAsync("kubeconfig", "--cluster", Cluster, "--region", Region, "--kubeconfig", file, "--endpoint-url", servers.MotoUrl.ToString());
        again.Stdout.ShouldBe($"Updated context {ClusterArn} in {file}\n");
    }

    [Fact]
    public async Task Kubeconfig_DryRun_PrintsTheYamlAndWritesNothing()
    {
        await servers.EnsureClusterAsync(Cluster, Region);
        var file = Path.Combine(_directory, "config");

        var result = await CliRunner.RunAsync("kubeconfig", "--cluster", Cluster, "--region", Region, "--kubeconfig", file, "--endpoint-url", servers.MotoUrl.ToString(), "--dry-run");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldStartWith("apiVersion: v1\nclusters:\n");
        result.Stdout.ShouldContain($"current-context: {ClusterArn}");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task Kubeconfig_UnknownCluster_IsInvalidInputWithAHint()
    {
        var result = await CliRunner.RunAsync("kubeconfig", "--cluster", "nope", "--region", Region, "--kubeconfig", Path.Combine(_directory, "config"), "--endpoint-url", servers.MotoUrl.ToString());

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: DescribeCluster failed: ResourceNotFoundException");
        result.Stderr.ShouldContain("check the cluster name and --region");
    }

    [Fact]
    public async Task Kubeconfig_CorruptExistingFile_IsInvalidInputAndLeavesItAlone()
    {
        await servers.EnsureClusterAsync(Cluster, Region);
        var file = Path.Combine(_directory, "config");
        await File.WriteAllTextAsync(file, "clusters: [\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("kubeconfig", "--cluster", Cluster, "--region", Region, "--kubeconfig", file, "--endpoint-url", servers.MotoUrl.ToString());

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith($"error: {file}:");
        (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).ShouldBe("clusters: [\n");
    }
}
