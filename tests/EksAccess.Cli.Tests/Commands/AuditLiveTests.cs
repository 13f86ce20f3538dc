using System.Text.Json.Nodes;
using static EksAccess.Cli.Tests.Commands.AwsCli;

namespace EksAccess.Cli.Tests.Commands;

/// <summary>The audit commands live: moto clusters, the fake serving FilterLogEvents and LookupEvents.</summary>
[Collection(AwsSequential.Name)]
public sealed class AuditLiveTests(AwsTestServers servers)
{
    [Fact]
    public async Task Activity_Live_PullsFiltersAndDeduplicates()
    {
        await SeedAsync("audit-live");

        var result = await RunAsync(servers, "audit", "activity", "--cluster", "audit-live", "--since", "2026-11-20T00:00:00Z", "--until", "2026-11-21T00:00:00Z", "--username", "dev-john", "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        JsonNode.Parse(result.Stdout)!["events"]!.AsArray().Count.ShouldBe(3);
        var first = JsonNode.Parse(servers.Fake.RequestsFor("logs").First(r => r.Header("X-Amz-Target") == "Logs_20140328.FilterLogEvents").Body)!;
        ((string?)first["filterPattern"]).ShouldBe("{ ($.user.username = \"dev-john\") }");
    }

    [Fact]
    public async Task Summary_Live_CountsLoginsFromTheAuthenticatorStream()
    {
        await SeedAsync("audit-live-summary");
        var snapshot = Path.Combine(TestFiles.RepositoryRoot, "examples", "000-developer-access", "snapshot");

        var result = await RunAsync(servers, "audit", "summary", "--cluster", "audit-live-summary", "--since", "2026-11-20T00:00:00Z", "--until", "2026-11-21T00:00:00Z", "--snapshot", snapshot, "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        var john = JsonNode.Parse(result.Stdout)!["principals"]!.AsArray().Single(r => (string?)r!["principalArn"] == "arn:aws:iam::111122223333:user/dev-john")!;
        ((long)john["logins"]!).ShouldBe(1);
        ((long)john["requests"]!).ShouldBe(3);
    }

    [Fact]
    public async Task Changes_Live_EksChangesAndAwsAuthEdits()
    {
        await SeedAsync("audit-live-changes");
        servers.Fake.AddCloudTrailRecord(new JsonObject
        {
            ["eventTime"] = "2026-11-20T10:00:00Z",
            ["eventSource"] = "eks.amazonaws.com",
            ["eventName"] = "AssociateAccessPolicy",
            ["eventID"] = "e1",
            ["userIdentity"] = new JsonObject { ["arn"] = "arn:aws:sts::123456789012:assumed-role/Admin/jane@example.com", ["principalId"] = "AROA:jane@example.com" },
            ["requestParameters"] = new JsonObject { ["name"] = "audit-live-changes", ["principalArn"] = "arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdev", ["policyArn"] = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy" },
        });

        var result = await RunAsync(servers, "audit", "changes", "--cluster", "audit-live-changes", "--since", "2026-11-20T00:00:00Z", "--until", "2026-11-21T00:00:00Z", "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        var changes = JsonNode.Parse(result.Stdout)!["changes"]!.AsArray();
        var associate = changes.Single(c => (string?)c!["eventName"] == "AssociateAccessPolicy")!;
        ((string?)associate["principalArn"]).ShouldBe("arn:aws:iam::123456789012:role/dev");
        ((string?)associate["actorSessionName"]).ShouldBe("jane@example.com");
        var edit = changes.Single(c => (string?)c!["eventName"] == "aws-auth:update")!;
        ((string?)edit["actorArn"]).ShouldBe("arn:aws:iam::111122223333:role/PlatformAdmin");
        changes.Select(c => (string)c!["eventName"]!).ShouldBe(["AssociateAccessPolicy", "aws-auth:update"]);
    }

    [Fact]
    public async Task Live_UnknownClusterMissingLogGroupAndOldWindow_AreInvalidInput()
    {
        await servers.ResetForClassAsync(GetType());
        await CreateClusterAsync(servers, "no-logging", "API");

        var unknown = await RunAsync(servers, "audit", "activity", "--cluster", "nope");
        var noLogs = await RunAsync(servers, "audit", "activity", "--cluster", "no-logging");
        var old = await RunAsync(servers, "audit", "changes", "--cluster", "no-logging", "--since", "91d");

        unknown.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        unknown.Stderr.ShouldBe("error: cluster 'nope' not found in us-east-1 — check --cluster and --region (aws eks list-clusters --region us-east-1)\n");
        noLogs.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        noLogs.Stderr.ShouldContain("control-plane logging is not enabled — set cluster.logging");
        noLogs.Stdout.ShouldBeEmpty();
        old.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        old.Stderr.ShouldStartWith("error: --since ");
        old.Stderr.ShouldContain("more than 90 days ago");
    }

    private async Task SeedAsync(string cluster)
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        await CreateClusterAsync(servers, cluster, "API_AND_CONFIG_MAP");
        // CloudWatch timestamps inside the fixture's day, as the service would have ingested them.
        var ms = new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var lines = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Inputs", "Audit", "eks-audit.log"), Token);
        servers.Fake.AddLogGroup(
            $"/aws/eks/{cluster}/cluster",
            [.. lines.Select((l, i) => (l.StartsWith("time=", StringComparison.Ordinal) ? "authenticator-0a1b" : "kube-apiserver-audit-0a1b", ms + i, l))],
            emptyPagesFirst: 1);
    }
}
