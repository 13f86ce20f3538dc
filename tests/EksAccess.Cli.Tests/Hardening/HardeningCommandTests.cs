namespace EksAccess.Cli.Tests.Hardening;

/// <summary>Issue 9's input classes, one representative each, through the CLI entry.</summary>
public sealed class HardeningCommandTests : IDisposable
{
    private static readonly string Seed000 = TestPaths.Example("000-developer-access", "snapshot");
    private static readonly string Seed001 = TestPaths.Example("001-role-based-access", "snapshot");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eksaccess-hardening-" + Guid.NewGuid().ToString("N"));

    public HardeningCommandTests()
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("yes", 0)]
    [InlineData("no", 1, "--api-group", "")]
    [InlineData("no", 1, "--api-group=")]
    [InlineData("yes", 0, "--api-group=apps")]
    public async Task CanI_EmptyApiGroup_MeansTheCoreGroup(string answer, int exitCode, params string[] group)
    {
        // developer-role allows deployments in "apps" only: a core-group "deployments" request is denied.
        var result = await CliRunner.RunAsync(
            ["can-i", "list", "deployments", .. group, "-n", "dev-apps", "--as", "someone", "--as-group", "dev-team", "--snapshot", Seed000]);

        result.Stdout.ShouldBe(answer + "\n");
        result.ExitCode.ShouldBe(exitCode);
    }

    [Theory]
    [InlineData("json", "\"verbs\"")]
    [InlineData("yaml", "verbs:")]
    public async Task CanIList_OutputFormat_IsStructured(string format, string expected)
    {
        var result = await CliRunner.RunAsync("can-i", "--list", "-n", "dev-apps", "--as", "someone", "--as-group", "dev-team", "--snapshot", Seed000, "-o", format);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stdout.ShouldContain(expected);
        result.Stdout.ShouldContain("deployments");
    }

    [Fact]
    public async Task BrokenMapUsers_WarnsWithPositionAndMapRolesStillMaps()
    {
        var snapshot = CopySnapshot(Seed001);
        var awsAuth = Path.Combine(snapshot, "aws-auth.yaml");
        File.WriteAllText(awsAuth, File.ReadAllText(awsAuth).Replace("  mapUsers: |\n", "  mapUsers: |\n    - [unclosed\n", StringComparison.Ordinal));

        var role = await CliRunner.RunAsync("whoami", "--as-arn", "arn:aws:iam::293759796572:role/k8s-devs-role", "--snapshot", snapshot);
        var user = await CliRunner.RunAsync("whoami", "--as-arn", "arn:aws:iam::293759796572:user/eks-admin", "--snapshot", snapshot);

        role.ExitCode.ShouldBe(ExitCodes.Success);
        role.Stdout.ShouldContain("developer");
        role.Stderr.ShouldStartWith($"warning: {awsAuth}:18:");
        role.Stderr.ShouldContain("mapUsers is not valid YAML");
        user.ExitCode.ShouldBe(ExitCodes.Negative);
    }

    [Theory]
    [InlineData("mapRoles")]
    [InlineData("mapUsers")]
    public async Task DeeplyNestedAwsAuthSection_IsRefusedAtTheBoundNotAStackOverflow(string section)
    {
        var snapshot = CopySnapshot(Seed001);
        var awsAuth = Path.Combine(snapshot, "aws-auth.yaml");
        File.WriteAllText(awsAuth, File.ReadAllText(awsAuth).Replace($"  {section}: |\n", $"  {section}: |\n    - x: {new string('[', 50_000)}\n", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("who-can", "get", "pods", "--snapshot", snapshot);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stderr.ShouldContain($"{section} is nested more than 256 levels deep");
    }

    [Theory]
    [InlineData("deep.yaml", "[")]
    [InlineData("access-entries.json", "{\"a\": ")]
    [InlineData("cluster.json", "{\"a\": ")]
    public async Task DeeplyNestedSnapshotFile_IsOneErrorInSeconds(string file, string opener)
    {
        var snapshot = CopySnapshot(Seed000);
        File.WriteAllText(Path.Combine(snapshot, file), string.Concat(Enumerable.Repeat(opener, 200_000)));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await CliRunner.RunAsync("matrix", "--snapshot", snapshot);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldStartWith("error: ");
    }

    [Theory]
    [InlineData("--session-name", "x")]
    [InlineData("--session-name", "a\nb")]
    public async Task BadSessionName_IsOneCleanError(string flag, string value)
    {
        var result = await CliRunner.RunAsync("whoami", "--as-arn", "arn:aws:iam::111122223333:role/EKSDeveloperRole", flag, value, "--snapshot", Seed000);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: '");
        result.Stderr.ShouldContain("is not a role session name");
        result.Stderr.ShouldNotContain("Parameter");
        result.Stderr.ShouldNotContain("Exception");
        result.Stderr.TrimEnd('\n').ShouldNotContain('\n');
    }

    [Fact]
    public async Task EmptyKubeconfig_IsOneErrorLine()
    {
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        File.WriteAllText(kubeconfig, "");

        var result = await CliRunner.RunAsync("plan", "-f", TestPaths.Example("000-developer-access", "access.yaml"), "--target", "kubernetes", "--kubeconfig", kubeconfig);

        result.Stderr.ShouldContain("is empty");
        result.Stderr.ShouldNotContain("NullReference");
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldBe(1);
    }

    private string CopySnapshot(string source)
    {
        var target = Path.Combine(_directory, "snapshot");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
