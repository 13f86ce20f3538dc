namespace EksAccess.Cli.Tests.Commands;

/// <summary>
/// What users read: the stdout of the query and check commands on the seed examples, against
/// Golden/&lt;Command&gt;/&lt;Case&gt;.txt (reviewers read these diffs like code; UPDATE_GOLDEN=1 accepts a change).
/// </summary>
public sealed class CliOutputGoldenTests
{
    private const string DevJohn = "arn:aws:iam::111122223333:user/dev-john";
    private static readonly string Seed000 = TestPaths.Example("000-developer-access", "snapshot");
    private static readonly string Seed001 = TestPaths.Example("001-role-based-access", "snapshot");

    public static TheoryData<string, string, int, string[]> Cases() => new()
    {
        { "WhoAmI", "Seed000.dev-john", ExitCodes.Success, ["whoami", "--as-arn", DevJohn, "--snapshot", Seed000] },
        { "WhoAmI", "Seed000.unmapped", ExitCodes.Negative, ["whoami", "--as-arn", "arn:aws:iam::111122223333:user/mallory", "--snapshot", Seed000] },
        {
            "CanI", "Seed000.explain-pod-logs", ExitCodes.Success,
            ["can-i", "get", "pods", "-n", "dev-apps", "--subresource", "log", "--as", "dev-john", "--as-group", "dev-team", "--snapshot", Seed000, "--explain"]
        },
        { "CanI", "Seed000.list-dev-apps", ExitCodes.Success, ["can-i", "--list", "-n", "dev-apps", "--as", "dev-john", "--as-group", "dev-team", "--snapshot", Seed000] },
        { "WhoCan", "Seed000.create-pods", ExitCodes.Success, ["who-can", "create", "pods", "-n", "dev-apps", "--snapshot", Seed000] },
        { "WhoCan", "Seed000.list-pods-kube-system", ExitCodes.Success, ["who-can", "list", "pods", "-n", "kube-system", "--snapshot", Seed000] },
        { "Matrix", "Seed001.prod-kube-system", ExitCodes.Success, ["matrix", "--snapshot", Seed001, "--namespaces", "prod,kube-system"] },
        {
            "Verify", "Seed000", ExitCodes.Success,
            ["verify", "-f", TestPaths.Example("000-developer-access", "access.yaml"), "--snapshot", Seed000]
        },
        {
            "Verify", "Seed000.against-seed001", ExitCodes.Negative,
            ["verify", "-f", TestPaths.Example("000-developer-access", "access.yaml"), "--snapshot", Seed001]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_SeedExample_StdoutMatchesGolden(string command, string caseName, int exitCode, string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        result.ExitCode.ShouldBe(exitCode, result.Stderr);
        // Paths are printed as given; the checkout's location is not part of the output's shape.
        Golden.Verify(result.Stdout.Replace(TestFiles.RepositoryRoot, "<repo>", StringComparison.Ordinal), command, caseName);
    }

    [Fact]
    public async Task Validate_InvalidConfig_OutputMatchesGolden()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Inputs", "Config", "access.invalid.yaml");

        var result = await CliRunner.RunAsync("validate", "-f", path);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        var text = $"--- stdout\n{result.Stdout}--- stderr\n{result.Stderr}".Replace(AppContext.BaseDirectory, "", StringComparison.Ordinal);
        Golden.Verify(text, "Validate", "access.invalid");
    }
}
