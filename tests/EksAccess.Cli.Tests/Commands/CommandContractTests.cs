namespace EksAccess.Cli.Tests.Commands;

/// <summary>What a user of kubectl and the aws CLI expects of every command: one usage line, flags that mean the same everywhere.</summary>
public sealed class CommandContractTests : IDisposable
{
    private static readonly string Seed000Config = TestPaths.Example("000-developer-access", "access.yaml");
    private static readonly string Seed000Snapshot = TestPaths.Example("000-developer-access", "snapshot");
    private readonly string _temp = Directory.CreateTempSubdirectory("eksaccess-contract-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("--as-arn needs a value, got '--'", "whoami", "--as-arn", "--", "--snapshot", "SNAP")]
    [InlineData("--snapshot needs a value, got an empty one", "whoami", "--snapshot=", "--as-arn", "arn:aws:iam::111122223333:user/dev-john")]
    [InlineData("--as-arn needs a value, got the option '--snapshot'", "whoami", "--as-arn", "--snapshot", "SNAP")]
    [InlineData("--snapshot needs a value, got an empty one", "who-can", "get", "pods", "--snapshot", "")]
    [InlineData("Required argument missing for option: '--as-arn'", "whoami", "--as-arn")]
    [InlineData("--session-name needs a value, got an empty one", "whoami", "--as-arn", "arn:aws:iam::111122223333:role/EKSDeveloperRole", "--session-name", "", "--snapshot", "SNAP")]
    [InlineData("Unrecognized command or argument '--bogus'", "matrix", "--bogus", "--snapshot", "SNAP")]
    public async Task Run_BadUsage_PrintsOneLineNamingTheCause(string cause, params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args.Select(a => a == "SNAP" ? Seed000Snapshot : a)]);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldStartWith($"error: {cause}");
        result.Stderr.TrimEnd('\n').ShouldNotContain("\n");
        result.Stderr.ShouldContain("--help");
    }

    [Theory]
    [InlineData("whoami", "--as-arn", "arn:aws:iam::111122223333:user/dev-john")]
    [InlineData("matrix")]
    [InlineData("who-can", "get", "pods", "-n", "dev-apps")]
    [InlineData("can-i", "get", "pods", "-n", "dev-apps", "--as", "dev-john")]
    public async Task Run_ConfigAndSnapshotTogether_RefusedAsAmbiguous(params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, "-f", Seed000Config, "--snapshot", Seed000Snapshot]);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: -f and --snapshot are two different states to evaluate");
    }

    [Fact]
    public async Task WhoAmI_ConfigUserName_ResolvedToItsArn()
    {
        var result = await CliRunner.RunAsync("whoami", "--as-arn", "dev-john", "-f", Seed000Config, "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldContain("\"principalArn\": \"arn:aws:iam::111122223333:user/dev-john\"");
    }

    [Fact]
    public async Task WhoAmI_UnknownName_ListsTheNamesTheConfigDefines()
    {
        var result = await CliRunner.RunAsync("whoami", "--as-arn", "dev-jon", "-f", Seed000Config);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: --as-arn 'dev-jon': not a user or role of ");
        result.Stderr.ShouldContain("dev-john");
    }

    [Fact]
    public async Task WhoAmI_NoDefaultRoles_Accepted()
    {
        var result = await CliRunner.RunAsync("whoami", "--as-arn", "arn:aws:iam::111122223333:user/dev-john", "--snapshot", Seed000Snapshot, "--no-default-roles");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldContain("dev-john");
    }

    [Fact]
    public async Task WhoAmI_RejectedPrincipalAsJson_SaysNotAuthenticated()
    {
        var result = await CliRunner.RunAsync("whoami", "--as-arn", "arn:aws:iam::111122223333:user/mallory", "--snapshot", Seed000Snapshot, "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Negative);
        result.Stdout.ShouldContain("\"authenticated\": false");
        result.Stderr.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--region", "us-east-1")]
    [InlineData("--kubeconfig", "/dev/null")]
    [InlineData("--profile", "dev")]
    public async Task Verify_LiveOnlyFlagWithoutLive_Refused(string flag, string value)
    {
        var result = await CliRunner.RunAsync("verify", "-f", Seed000Config, flag, value);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldBe($"error: {flag} applies only with --live — add --live to check the live cluster, or drop them\n");
    }

    [Fact]
    public async Task Matrix_DefaultNamespaces_IncludeDefaultAndKubeSystem()
    {
        var result = await CliRunner.RunAsync("matrix", "--snapshot", Seed000Snapshot, "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldContain("\"default\"");
        result.Stdout.ShouldContain("\"kube-system\"");
    }

    [Fact]
    public async Task Matrix_NoPrincipals_SaysWhyTheTableIsEmpty()
    {
        var empty = Path.Combine(_temp, "empty-snapshot");
        Directory.CreateDirectory(empty);
        await File.WriteAllTextAsync(Path.Combine(empty, "namespaces.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("matrix", "--snapshot", empty);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stderr.ShouldContain("warning: no principals");
    }

    [Fact]
    public async Task Render_AwsCliToDirectory_ScriptIsExecutableAndNamesTheConfigAsGiven()
    {
        var output = Path.Combine(_temp, "out");

        var result = await CliRunner.RunAsync("render", "-f", Path.GetFullPath(Seed000Config), "--format", "aws-cli", "--output-dir", output);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        var script = Directory.GetFiles(output, "*.sh", SearchOption.AllDirectories).ShouldHaveSingleItem();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute).ShouldBeTrue();
        }

        var text = await File.ReadAllTextAsync(script, TestContext.Current.CancellationToken);
        text.ShouldContain("from access.yaml:");
        text.ShouldNotContain(Path.GetFullPath(Seed000Config));
    }

    [Fact]
    public async Task Render_OldOutputFlag_IsNotADirectoryAnyMore()
    {
        var result = await CliRunner.RunAsync("render", "-f", Seed000Config, "--format", "k8s", "-o", Path.Combine(_temp, "x"));

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        Directory.Exists(Path.Combine(_temp, "x")).ShouldBeFalse();
    }

    [Fact]
    public async Task Onboard_DescribeOnlyFlagsWithoutDescribe_Refused()
    {
        var result = await CliRunner.RunAsync("onboard", "-f", Seed000Config, "--principal", "dev-john", "--output-dir", Path.Combine(_temp, "b"), "--region", "eu-west-1");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: --profile, --region and --eks-endpoint-url only apply with --describe");
        Directory.Exists(Path.Combine(_temp, "b")).ShouldBeFalse();
    }

    [Fact]
    public async Task Run_UnexpectedFailure_IsAnInternalErrorNotBadInput()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, TimeProvider.System)
        {
            CreateAwsClients = _ => throw new InvalidOperationException("a bug"),
            CreateKubernetesClient = _ => throw new InvalidOperationException("a bug"),
        };

        var exitCode = await EksAccessApp.RunAsync(["verify", "-f", Seed000Config, "--live"], context);

        exitCode.ShouldBe(ExitCodes.InternalError);
        stderr.ToString().ShouldStartWith("internal error: InvalidOperationException: a bug — this is a bug in eksaccess");
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("cluster:\n  name: x\n", ":1:1: cluster.json is not valid JSON")]
    [InlineData("{\"cluster\": {\"endpoint\": NaN}}", "cluster.json:1:")]
    public async Task Onboard_SnapshotClusterFileNotJson_OneLineWithPositionOrIgnored(string content, string? error)
    {
        var snapshot = Path.Combine(_temp, "snap");
        Directory.CreateDirectory(snapshot);
        foreach (var file in Directory.GetFiles(Seed000Snapshot))
        {
            File.Copy(file, Path.Combine(snapshot, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(snapshot, "cluster.json"), content, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("onboard", "-f", Seed000Config, "--principal", "dev-john", "--output-dir", Path.Combine(_temp, "b"), "--snapshot", snapshot);

        result.Stderr.ShouldNotContain("LineNumber");
        result.Stderr.ShouldNotContain("Exception");
        if (error is not null)
        {
            result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
            result.Stderr.ShouldContain(error);
            result.Stderr.TrimEnd('\n').ShouldNotContain("\n");
        }
    }

    [Fact]
    public async Task WhoCan_AgreesWithWhoAmI_MastersOnceAndNoPrincipalEksRejects()
    {
        var result = await CliRunner.RunAsync("who-can", "get", "secrets", "-n", "kube-system", "--snapshot", Seed000Snapshot);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.Split('\n').Count(l => l.Contains(" system:masters ", StringComparison.Ordinal)).ShouldBe(1);
        result.Stdout.ShouldNotContain("{{");
        foreach (var arn in result.Stdout.Split('\n').Where(l => l.StartsWith("IAM", StringComparison.Ordinal)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]))
        {
            var whoami = await CliRunner.RunAsync("whoami", "--as-arn", arn, "--snapshot", Seed000Snapshot);
            whoami.ExitCode.ShouldBe(ExitCodes.Success, $"{arn}: {whoami.Stdout}");
        }
    }
}
