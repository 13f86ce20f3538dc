using System.IO.Compression;
using System.Text.Json.Nodes;

namespace EksAccess.Cli.Tests.Commands;

/// <summary>audit activity and summary offline, from the audit fixtures (plain, filter-log-events JSON, gzip).</summary>
public sealed class AuditCommandTests
{
    private const string Since = "2026-11-20T00:00:00Z";
    private const string Until = "2026-11-21T00:00:00Z";

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Inputs", "Audit", name);

    [Fact]
    public async Task Activity_Json_OneEventPerAuditIdInTheWindowAndWarningsForBadLines()
    {
        var result = await CliRunner.RunAsync("audit", "activity", "--audit-file", Fixture("eks-audit.log"), "--since", Since, "--until", Until, "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        var events = JsonNode.Parse(result.Stdout)!["events"]!.AsArray();
        events.Count.ShouldBe(8);
        events.Select(e => (string)e!["auditID"]!).Distinct(StringComparer.Ordinal).Count().ShouldBe(8);
        var exec = events.Single(e => (string?)e!["subresource"] == "exec")!;
        ((int)exec["code"]!).ShouldBe(101);
        exec.AsObject().Select(p => p.Key).ShouldBe(
        [
            "time", "auditID", "stage", "principalArn", "sessionName", "accessKeyId", "username", "groups", "impersonatedUser", "verb", "apiGroup",
            "resource", "subresource", "namespace", "name", "nonResourceURL", "code", "decision", "reason", "sourceIPs", "userAgent",
        ]);
        result.Stderr.ShouldContain($"warning: {Fixture("eks-audit.log")}:9: invalid JSON");
        result.Stderr.ShouldContain($"warning: {Fixture("eks-audit.log")}:14: not JSON and not an authenticator log line");
        result.Stderr.ShouldEndWith("warning: skipped 2 unreadable audit line(s)\n");
    }

    [Fact]
    public async Task Activity_PrincipalAsSession_JsonlStreamsTheRoleEvents()
    {
        var result = await CliRunner.RunAsync(
            "audit", "activity", "--audit-file", Fixture("eks-audit.log"), "--since", Since, "--until", Until,
            "--principal", "arn:aws:sts::111122223333:assumed-role/PlatformAdmin/anyone", "-o", "jsonl");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines.Select(l => (string)JsonNode.Parse(l)!["principalArn"]!).ShouldAllBe(a => a == "arn:aws:iam::111122223333:role/PlatformAdmin");
        JsonNode.Parse(lines[1])!["impersonatedUser"]!.GetValue<string>().ShouldBe("dev-john");
    }

    [Fact]
    public async Task Activity_FilterLogEventsJsonAndGzip_SameEvents()
    {
        var gz = Path.Combine(Path.GetTempPath(), $"eksaccess-audit-{Guid.NewGuid():N}.log.gz");
        await using (var file = File.Create(gz))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(await File.ReadAllBytesAsync(Fixture("filter-log-events.json"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        }

        try
        {
            var plain = await CliRunner.RunAsync("audit", "activity", "--audit-file", Fixture("filter-log-events.json"), "--since", Since, "--until", Until, "-o", "json");
            var zipped = await CliRunner.RunAsync("audit", "activity", "--audit-file", gz, "--since", Since, "--until", Until, "-o", "json");

            plain.ExitCode.ShouldBe(ExitCodes.Success, plain.Stderr);
            JsonNode.Parse(plain.Stdout)!["events"]!.AsArray().Count.ShouldBe(2);
            zipped.Stdout.ShouldBe(plain.Stdout);
            zipped.Stderr.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(gz);
        }
    }

    [Fact]
    public async Task Summary_Example000Snapshot_MappedNeverSeenAndGrants()
    {
        var snapshot = Path.Combine(TestFiles.RepositoryRoot, "examples", "000-developer-access", "snapshot");

        var result = await CliRunner.RunAsync("audit", "summary", "--audit-file", Fixture("eks-audit.log"), "--since", Since, "--until", Until, "--snapshot", snapshot, "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        var root = JsonNode.Parse(result.Stdout)!;
        ((string)root["note"]!).ShouldStartWith("grantsUnused: never the deciding grant in this window");
        var rows = root["principals"]!.AsArray();
        var node = rows.Single(r => (string?)r!["principalArn"] == "arn:aws:iam::111122223333:role/EKSNodeRole")!;
        ((long)node["requests"]!).ShouldBe(0);
        node["lastSeen"].ShouldBeNull();
        var john = rows.Single(r => (string?)r!["principalArn"] == "arn:aws:iam::111122223333:user/dev-john")!;
        ((long)john["denied"]!).ShouldBe(1);
        ((long)john["logins"]!).ShouldBe(1);
        john["grantsUnused"]!.AsArray().Select(g => (string)g!).ShouldContain("access policy AmazonEKSEditPolicy (namespaces: dev-apps)");
        john.AsObject().Select(p => p.Key).ShouldBe(["principalArn", "username", "people", "requests", "denied", "firstSeen", "lastSeen", "logins", "grantsUsed", "grantsUnused"]);
    }

    [Theory]
    [InlineData("--since", "2h", "--until", "3h", "error: --since (")]
    [InlineData("--since", "yesterday", "--until", "1h", "error: --since 'yesterday': expected RFC 3339")]
    public async Task Activity_BadWindow_IsInvalidInputWithOneLine(string a, string b, string c, string d, string start)
    {
        var result = await CliRunner.RunAsync("audit", "activity", "--audit-file", Fixture("eks-audit.log"), a, b, c, d);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith(start);
        result.Stderr.Trim().Split('\n').Length.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Activity_NoSourceOrMissingFile_IsInvalidInput()
    {
        var none = await CliRunner.RunAsync("audit", "activity");
        var missing = await CliRunner.RunAsync("audit", "activity", "--audit-file", "/nonexistent/audit.log");

        none.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        none.Stderr.ShouldBe("error: no audit source: give --cluster NAME (CloudWatch Logs) or --audit-file FILE\n");
        missing.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        missing.Stderr.ShouldStartWith("error: --audit-file /nonexistent/audit.log: ");
    }

    [Fact]
    public async Task Activity_Cancelled_IsInterruptedWithoutOutput()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var request = new EksAccess.Cli.Commands.AuditActivityCommand.Request(
            new EksAccess.Cli.Audit.AuditRequest(null, new EksAccess.Cli.Planning.AwsConnectionOptions(), Since, Until, [Fixture("eks-audit.log")], Quiet: true), [], [], EksAccess.Cli.Output.OutputFormat.Json);

        await Should.ThrowAsync<OperationCanceledException>(() => EksAccess.Cli.Commands.AuditActivityCommand.RunAsync(request, new CliContext(stdout, stderr, TimeProvider.System), cancelled.Token));

        stdout.ToString().ShouldBeEmpty();
    }
}
