namespace EksAccess.Cli.Tests;

public sealed class ValidateCommandTests
{
    private static readonly string Valid = Path.Combine("Inputs", "Config", "access.valid.yaml");
    private static readonly string Invalid = Path.Combine("Inputs", "Config", "access.invalid.yaml");

    private static string InputPath(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    [Fact]
    public async Task Validate_ValidConfig_PrintsSummaryAndSucceeds()
    {
        var path = InputPath(Valid);

        var result = await CliRunner.RunAsync("validate", "-f", path);

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stdout.ShouldBe($"{path} is valid (0 IAM users, 1 IAM role, 0 IAM groups, 1 namespace, 0 role templates, 0 cluster roles, 1 team, 1 admin, 1 test with 2 checks)\n");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_InvalidConfig_PrintsEveryDiagnosticOnStderrAndIsInvalidInput()
    {
        var path = InputPath(Invalid);

        var result = await CliRunner.RunAsync("validate", "-f", path);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe(string.Join("\n", [
            $"{path}:4:3: missing required key 'accountId' in cluster — add 'accountId: \"111122223333\"' (the 12-digit AWS account ID, quoted)",
            $"{path}:6:3: unknown key 'acountId' — did you mean 'accountId'?",
            $"{path}:9:15: team 'devs' member 'Dev' is neither an IAM user or role in this config nor an IAM ARN — define it under iam.users or iam.roles, or write its ARN, e.g. arn:aws:iam::111122223333:role/Dev",
            $"{path}:10:9: the cluster would have no admin: admins is empty — add 'admins: [{{principal: ROLE_ARN_OR_CONFIG_NAME}}]' with the principal that keeps cluster-admin access",
            $"error: {path} is invalid: 4 problems",
            "",
        ]));
    }

    [Fact]
    public async Task Validate_JsonOutput_PrintsDiagnosticsOnStdout()
    {
        var path = InputPath(Invalid);

        var result = await CliRunner.RunAsync("validate", "-f", path, "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var diagnostics = json.RootElement.GetProperty("diagnostics");
        diagnostics.GetArrayLength().ShouldBe(4);
        var second = diagnostics[1];
        second.GetProperty("file").GetString().ShouldBe(path);
        second.GetProperty("line").GetInt32().ShouldBe(6);
        second.GetProperty("column").GetInt32().ShouldBe(3);
        second.GetProperty("message").GetString().ShouldBe("unknown key 'acountId'");
        second.GetProperty("hint").GetString().ShouldBe("did you mean 'accountId'?");
        result.Stderr.ShouldBe($"error: {path} is invalid: 4 problems\n");
    }

    [Fact]
    public async Task Validate_JsonOutputForValidConfig_IsValidTrueWithNoDiagnostics()
    {
        var result = await CliRunner.RunAsync("validate", "-f", InputPath(Valid), "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stdout.ShouldBe("{\n  \"valid\": true,\n  \"diagnostics\": []\n}\n");
    }

    [Fact]
    public async Task Validate_MissingFile_IsOneErrorLineAndInvalidInput()
    {
        var result = await CliRunner.RunAsync("validate", "-f", "no-such-access.yaml");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe("error: no-such-access.yaml: no such file — check the path given to -f\n");
    }

    [Fact]
    public async Task Validate_NoFileOption_IsAUsageErrorExitingThree()
    {
        var result = await CliRunner.RunAsync("validate");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: Option '--filename' is required (see 'eksaccess validate --help')");
    }

    [Fact]
    public async Task Validate_YamlSyntaxError_IsOneDiagnosticNoStackTrace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"eksaccess-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "apiVersion: eksaccess.io/v1alpha1\nkind: [AccessConfig\n", TestContext.Current.CancellationToken);
        try
        {
            var result = await CliRunner.RunAsync("validate", "-f", path);

            result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
            var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(2);
            lines[0].ShouldStartWith($"{path}:");
            lines[0].ShouldContain("YAML syntax error", Case.Sensitive);
            result.Stderr.ShouldNotContain("   at ", Case.Sensitive);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("000-developer-access")]
    [InlineData("001-role-based-access")]
    [InlineData("003-cluster-admin-access-entry")]
    public async Task Validate_Example_Succeeds(string example)
    {
        var path = TestPaths.Example(example, "access.yaml");

        var result = await CliRunner.RunAsync("validate", "-f", path);

        result.Stderr.ShouldBeEmpty();
        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stdout.ShouldStartWith($"{path} is valid (");
    }

    [Fact]
    public void LoadValid_InvalidConfig_ThrowsInputExceptionWithTheFirstDiagnosticOnOneLine()
    {
        var path = InputPath(Invalid);

        var ex = Should.Throw<InputException>(() => ConfigLoader.LoadValid(path));

        // One error line (issue 9): the first problem, and how to see all four.
        ex.Message.ShouldBe($"{path}:4:3: missing required key 'accountId' in cluster — add 'accountId: \"111122223333\"' (the 12-digit AWS account ID, quoted) (and 3 more problems: run 'eksaccess validate -f {path}')");
        ex.ExitCode.ShouldBe(ExitCodes.InvalidInput);
    }

    [Fact]
    public void LoadValid_ValidConfig_ReturnsTheConfig()
    {
        var config = ConfigLoader.LoadValid(InputPath(Valid));

        config.Cluster.Name.ShouldBe("my-cluster");
        config.Teams.ShouldHaveSingleItem().KubernetesGroup.ShouldBe("devs");
    }
}
