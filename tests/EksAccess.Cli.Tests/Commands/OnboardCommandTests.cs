using System.Text.Json;
using k8s;

namespace EksAccess.Cli.Tests.Commands;

/// <summary><c>eksaccess onboard</c>: the developer bundle for the seed walk-throughs.</summary>
[Collection(AwsSequential.Name)]
public sealed class OnboardCommandTests(AwsTestServers servers) : IDisposable
{
    private static readonly string Seed000 = TestPaths.Example("000-developer-access", "access.yaml");
    private static readonly string Seed001 = TestPaths.Example("001-role-based-access", "access.yaml");
    private static readonly string Seed001Snapshot = TestPaths.Example("001-role-based-access", "snapshot");

    private readonly string _directory = Directory.CreateTempSubdirectory("eksaccess-onboard-").FullName;

    private string Bundle => Path.Combine(_directory, "bundle");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The bundle's README with the repository's location removed (CI clones it elsewhere).</summary>
    private async Task<string> ReadmeAsync() =>
        (await File.ReadAllTextAsync(Path.Combine(Bundle, "README.md"), TestContext.Current.CancellationToken))
            .Replace(TestFiles.RepositoryRoot + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    [Fact]
    public async Task Onboard_UserOnTheDesiredState_WritesReadmeAndAKubeconfigKubectlReads()
    {
        var result = await CliRunner.RunAsync("onboard", "-f", Seed000, "--principal", "dev-john", "--output-dir", Bundle);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldContain("dev-john → Kubernetes user dev-john, groups [dev-team system:authenticated]");
        Golden.Verify(await ReadmeAsync(), "Onboard", "Seed000.dev-john.README");
        Golden.Verify(await File.ReadAllTextAsync(Path.Combine(Bundle, "kubeconfig"), TestContext.Current.CancellationToken), "Onboard", "Seed000.dev-john.kubeconfig");
        var view = await ExternalTool.RunAsync("kubectl", ["config", "view", "--kubeconfig", Path.Combine(Bundle, "kubeconfig"), "--minify", "-o", "json"]);
        view.ExitCode.ShouldBe(ExitCodes.Success, view.Stderr);
        using var json = JsonDocument.Parse(view.Stdout);
        json.RootElement.GetProperty("current-context").GetString().ShouldBe("my-cluster-dev-john");
        json.RootElement.GetProperty("contexts")[0].GetProperty("context").GetProperty("namespace").GetString().ShouldBe("dev-apps");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(Bundle, "kubeconfig")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Onboard_UserWhoseGroupAssumesTheMappedRole_UsesTheRole()
    {
        var result = await CliRunner.RunAsync("onboard", "-f", Seed001, "--principal", "dev-alice", "--output-dir", Bundle, "--snapshot", Seed001Snapshot, "--exec", "eksaccess");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        Golden.Verify(await ReadmeAsync(), "Onboard", "Seed001.dev-alice.README");
        var config = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(Path.Combine(Bundle, "kubeconfig")));
        var exec = config.Users.ShouldHaveSingleItem().UserCredentials.ExternalExecution;
        exec.Command.ShouldBe("eksaccess");
        exec.Arguments.ShouldBe(["token", "--cluster-name", "prod-eks-cluster", "--region", "eu-west-1", "--role-arn", "arn:aws:iam::293759796572:role/k8s-devs-role"]);
        config.Clusters.ShouldHaveSingleItem().ClusterEndpoint.Server.ShouldBe("https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com");
        result.Stdout.ShouldContain("CA from a placeholder");
    }

    [Fact]
    public async Task Onboard_ClusterEndpointAndPemFile_AreWrittenIntoTheKubeconfig()
    {
        var pem = Path.Combine(_directory, "ca.pem");
        await File.WriteAllTextAsync(pem, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("onboard", "-f", Seed000, "--principal", "EKSDeveloperRole", "--output-dir", Bundle, "--api-server-url", "https://ABC.gr7.us-east-1.eks.amazonaws.com", "--cluster-ca-file", pem);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        var config = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(Path.Combine(Bundle, "kubeconfig")));
        var cluster = config.Clusters.ShouldHaveSingleItem().ClusterEndpoint;
        cluster.Server.ShouldBe("https://ABC.gr7.us-east-1.eks.amazonaws.com");
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cluster.CertificateAuthorityData)).ShouldBe("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        config.Users.Single().UserCredentials.ExternalExecution.Arguments.ShouldContain("arn:aws:iam::111122223333:role/EKSDeveloperRole");
        var readme = await File.ReadAllTextAsync(Path.Combine(Bundle, "README.md"), TestContext.Current.CancellationToken);
        readme.ShouldContain("Kubernetes user: `developer`");
        readme.ShouldNotContain("placeholders");
    }

    [Fact]
    public async Task Onboard_Describe_TakesServerAndCaFromEks()
    {
        await servers.EnsureClusterAsync("my-cluster", "us-east-1");

        var result = await CliRunner.RunAsync("onboard", "-f", Seed000, "--principal", "dev-john", "--output-dir", Bundle, "--describe", "--endpoint-url", servers.MotoUrl.ToString());

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldContain("cluster server and CA: EKS DescribeCluster");
        var cluster = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(Path.Combine(Bundle, "kubeconfig"))).Clusters.Single().ClusterEndpoint;
        cluster.Server.ShouldContain(".us-east-1.eks.amazonaws.com");
        cluster.CertificateAuthorityData.Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Onboard_UnknownPrincipal_IsInvalidInputListingTheConfigsNames()
    {
        var result = await CliRunner.RunAsync("onboard", "-f", Seed001, "--principal", "dev-carol", "--output-dir", Bundle);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: --principal 'dev-carol': ");
        result.Stderr.ShouldContain("(dev-alice, dev-bob, k8s-devs-role, arn:aws:iam::293759796572:user/eks-admin)");
        Directory.Exists(Bundle).ShouldBeFalse();
    }

    [Fact]
    public async Task Onboard_ArnEksWouldReject_WritesTheBundleAndAnswersNo()
    {
        var result = await CliRunner.RunAsync("onboard", "-f", Seed000, "--principal", "arn:aws:iam::111122223333:user/stranger", "--output-dir", Bundle);

        result.ExitCode.ShouldBe(ExitCodes.Negative);
        result.Stderr.ShouldStartWith("error: EKS would reject arn:aws:iam::111122223333:user/stranger: identity is not mapped");
        (await File.ReadAllTextAsync(Path.Combine(Bundle, "README.md"), TestContext.Current.CancellationToken)).ShouldContain("**EKS will reject you**");
    }
}
