using System.Text.Json.Nodes;

namespace EksAccess.Cli.Tests.Commands;

/// <summary>migrate offline (--snapshot): the JSON contract of issue 13, exit codes, and entries that feed a snapshot directly.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private static readonly string Seed001 = TestPaths.Example("001-role-based-access", "snapshot");
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Inputs", "Migrate", "corpus");
    private static readonly string AuthenticatorLog = Path.Combine(AppContext.BaseDirectory, "Inputs", "Migrate", "authenticator.log");
    private readonly string _temp = Directory.CreateTempSubdirectory("eksaccess-migrate-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Seed001_Json_HasTheContractMembersAndExitsZero()
    {
        var result = await CliRunner.RunAsync("migrate", "--snapshot", Seed001, "--target-mode", "API", "-o", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!.AsObject();
        json.Select(p => p.Key).ShouldBe(["mode", "verdicts", "entries", "proof"]);
        json["mode"]!["from"]!.GetValue<string>().ShouldBe("CONFIG_MAP");
        json["mode"]!["to"]!.GetValue<string>().ShouldBe("API");
        var verdict = json["verdicts"]![2]!.AsObject();
        verdict.Select(p => p.Key).ShouldBe(["source", "principalArn", "status", "changes", "reason"]);
        verdict["source"]!.GetValue<string>().ShouldBe("mapUsers[0]");
        verdict["status"]!.GetValue<string>().ShouldBe("convertedWithChanges");
        var proof = json["proof"]!.AsObject();
        proof.Select(p => p.Key).ShouldBe(["principals", "checks", "equivalent", "differences", "reviewItems"]);
        proof["equivalent"]!.GetValue<bool>().ShouldBeTrue();
        proof["reviewItems"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Seed001_Entries_FeedASnapshotDirectory_AndWhoAmIAnswersTheSameInApiMode()
    {
        var result = await CliRunner.RunAsync("migrate", "--snapshot", Seed001, "--target-mode", "API", "-o", "json");
        var entries = JsonNode.Parse(result.Stdout)!["entries"]!.DeepClone();

        var after = Path.Combine(_temp, "after");
        Directory.CreateDirectory(after);
        foreach (var file in Directory.EnumerateFiles(Seed001))
        {
            File.Copy(file, Path.Combine(after, Path.GetFileName(file)));
        }

        var cluster = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(after, "cluster.json"), TestContext.Current.CancellationToken))!;
        cluster["cluster"]!["accessConfig"]!["authenticationMode"] = "API";
        await File.WriteAllTextAsync(Path.Combine(after, "cluster.json"), cluster.ToJsonString(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(after, "access-entries.json"), new JsonObject { ["accessEntries"] = entries }.ToJsonString(), TestContext.Current.CancellationToken);

        foreach (var principal in new[] { "arn:aws:iam::293759796572:role/k8s-devs-role", "arn:aws:iam::293759796572:user/eks-admin" })
        {
            var before = await CliRunner.RunAsync("whoami", "--as-arn", principal, "--snapshot", Seed001, "-o", "json");
            var now = await CliRunner.RunAsync("whoami", "--as-arn", principal, "--snapshot", after, "-o", "json");
            now.ExitCode.ShouldBe(0, now.Stderr);
            JsonNode.Parse(now.Stdout)!["source"]!.GetValue<string>().ShouldBe("accessEntry");
            JsonNode.Parse(now.Stdout)!["username"]!.GetValue<string>().ShouldBe(JsonNode.Parse(before.Stdout)!["username"]!.GetValue<string>());
            foreach (var check in new[] { "create deployments -n k8s-devs", "delete nodes", "get secrets -A" })
            {
                var args = check.Split(' ');
                var was = await CliRunner.RunAsync(["can-i", .. args, "--as-arn", principal, "--snapshot", Seed001]);
                var @is = await CliRunner.RunAsync(["can-i", .. args, "--as-arn", principal, "--snapshot", after]);
                @is.ExitCode.ShouldBe(was.ExitCode, $"{principal} {check}: {@is.Stdout}");
            }
        }
    }

    [Fact]
    public async Task Corpus_ToApi_WithTheAuthenticatorLog_ReportsWhoLosesAccessAndExitsOne()
    {
        var result = await CliRunner.RunAsync("migrate", "--snapshot", Corpus, "--target-mode", "API", "--audit-file", AuthenticatorLog, "-o", "json");

        result.ExitCode.ShouldBe(1, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        json["proof"]!["equivalent"]!.GetValue<bool>().ShouldBeFalse();
        var accounts = json["verdicts"]!.AsArray().Single(v => v!["source"]!.GetValue<string>() == "mapAccounts[0]")!;
        accounts["admitted"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["arn:aws:iam::777788889999:role/CiRunner"]);
        var lost = json["proof"]!["differences"]!.AsArray().Single(d => d!["principalArn"]!.GetValue<string>() == "arn:aws:iam::777788889999:role/CiRunner")!;
        lost["before"]!["authenticated"]!.GetValue<bool>().ShouldBeTrue();
        lost["after"]!["authenticated"]!.GetValue<bool>().ShouldBeFalse();
        lost["requests"]!.AsArray().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Corpus_AcceptingTheOnlyDifference_ExitsZeroButStillReportsIt()
    {
        var refused = await CliRunner.RunAsync("migrate", "--snapshot", Corpus);
        refused.ExitCode.ShouldBe(1);
        refused.Stdout.ShouldContain("role/Legacy after entry");

        var accepted = await CliRunner.RunAsync("migrate", "--snapshot", Corpus, "--accept", "arn:aws:iam::111122223333:role/Legacy");
        accepted.ExitCode.ShouldBe(0, accepted.Stderr);
        accepted.Stdout.ShouldContain("(accepted)");
    }

    [Theory]
    [InlineData("--cluster", "c1", "both")]
    [InlineData("--apply", null, "--apply changes a live cluster")]
    [InlineData("--target-mode", "CONFIG_MAP", "CONFIG_MAP")]
    [InlineData("--assume-role-in", "444455556666", "ACCOUNT=ROLE_ARN")]
    [InlineData("--accept", "dev-john", "--accept dev-john")]
    public async Task BadInput_IsOneErrorLineAndExitThree(string option, string? value, string expected)
    {
        string[] args = value is null ? ["migrate", "--snapshot", Seed001, option] : ["migrate", "--snapshot", Seed001, option, value];
        var result = await CliRunner.RunAsync(args);

        result.ExitCode.ShouldBe(3, result.Stdout + result.Stderr);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.TrimEnd('\n').ShouldNotContain('\n');
        result.Stderr.ShouldStartWith("error: ");
        if (expected != "both")
        {
            result.Stderr.ShouldContain(expected);
        }
    }

    [Fact]
    public async Task WriteConfig_ThatCannotHoldACustomUsername_WritesNothingAndExitsThree()
    {
        var path = Path.Combine(_temp, "access.yaml");
        var result = await CliRunner.RunAsync("migrate", "--snapshot", Seed001, "--write-config", path);

        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldContain("k8s-devs-role");
        File.Exists(path).ShouldBeFalse();
        Directory.EnumerateFiles(_temp).ShouldBeEmpty();
    }

    [Fact]
    public async Task Table_ShowsModesVerdictsEntriesAndTheProof()
    {
        var result = await CliRunner.RunAsync("migrate", "--snapshot", Seed001);

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldStartWith("Mode: CONFIG_MAP → API_AND_CONFIG_MAP\n");
        result.Stdout.ShouldContain("mapUsers[0]   arn:aws:iam::293759796572:user/eks-admin       convertedWithChanges");
        result.Stdout.ShouldContain("Entries to create: 3");
        result.Stdout.ShouldContain("equivalent — nobody gains or loses access");
        result.Stdout.ShouldContain("review arn:aws:iam::293759796572:user/eks-admin (mapUsers[0]): system:masters → AmazonEKSClusterAdminPolicy");
    }
}
