using System.Text.Json.Nodes;
using EksAccess.Aws.Audit;
using EksAccess.Core.Audit;

namespace EksAccess.Aws.Tests.Audit;

/// <summary>The audit reader: FilterLogEvents against moto and the fake, LookupEvents against the fake; every request checked against botocore.</summary>
[Collection(AwsSequential.Name)]
public sealed class AwsAuditReaderTests(AwsTestServers servers)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadLogAsync_Moto_ParsesEveryEventAndSendsAModelConformingRequest()
    {
        await servers.ResetForClassAsync(GetType());
        var baseMs = Now.AddMinutes(-10).ToUnixTimeMilliseconds();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Inputs", "Audit", "eks-audit.log"));
        await new RawAws(servers.Settings()).PutLogEventsAsync("/aws/eks/moto1/cluster", "kube-apiserver-audit-0123abcd", [.. lines.Select((l, i) => (baseMs + i, l))], Token);
        var reader = Reader();
        var filter = new AuditEventFilter(Window(), ["arn:aws:iam::111122223333:user/dev-john"], []);
        var query = new AuditLogQuery("moto1", Window())
        {
            FilterPattern = AuditFilterPatterns.ForCallers(filter.CanonicalPrincipals, []),
            PageLimit = 3,
        };

        var records = await reader.ReadLogAsync(query, null, Token).ToListAsync(Token);

        // moto ignores the JSON pattern: everything comes back and the client filter decides.
        records.Count(r => r.Event is not null).ShouldBe(10);
        records.Count(r => r.Warning is not null).ShouldBe(2);
        records.Where(r => r.Event is not null).Select(r => r.Event!).Count(e => e.PrincipalArn == "arn:aws:iam::111122223333:user/dev-john").ShouldBe(4);
        records.First(r => r.Warning is not null).Location.ShouldStartWith("/aws/eks/moto1/cluster:kube-apiserver-audit-0123abcd:");
        var sent = servers.Fake.RequestsFor("logs").Where(r => r.Header("X-Amz-Target") == "Logs_20140328.FilterLogEvents").ToList();
        sent.Count.ShouldBeGreaterThan(1);
        var model = JsonServiceModel.Load(servers.BotocoreData, "logs", "2014-03-28");
        foreach (var request in sent)
        {
            var (operation, problems) = model.Check(request);
            operation.ShouldBe("FilterLogEvents");
            problems.ShouldBeEmpty();
        }

        var body = JsonNode.Parse(sent[0].Body)!;
        ((string?)body["filterPattern"]).ShouldBe("{ ($.user.extra.canonicalArn[0] = \"arn:aws:iam::111122223333:user/dev-john\") }");
        ((string?)body["logStreamNamePrefix"]).ShouldBe("kube-apiserver-audit");
        ((long)body["startTime"]!).ShouldBe(Window().Since.ToUnixTimeMilliseconds());
        sent.Skip(1).ShouldAllBe(r => r.Body.Contains("\"nextToken\""));
    }

    [Fact]
    public async Task ReadLogAsync_EmptyPagesWithToken_KeepsPagingToTheEnd()
    {
        await servers.ResetForClassAsync(GetType());
        var ms = Now.AddMinutes(-5).ToUnixTimeMilliseconds();
        servers.Fake.AddLogGroup(
            "/aws/eks/fake1/cluster",
            [.. Enumerable.Range(0, 25).Select(i => ("kube-apiserver-audit-1", ms + i, Event(i))), ("authenticator-1", ms, "time=\"2026-11-20T14:29:59Z\" level=info msg=\"access granted\" arn=\"arn:aws:iam::111122223333:user/a\" username=a")],
            emptyPagesFirst: 3);
        var pagesSeen = 0L;

        var records = await Reader().ReadLogAsync(new AuditLogQuery("fake1", Window()) { PageLimit = 10 }, (pages, _) => pagesSeen = pages, Token).ToListAsync(Token);

        records.Count.ShouldBe(25);
        records.Select(r => r.Event!.AuditId).Distinct(StringComparer.Ordinal).Count().ShouldBe(25);
        pagesSeen.ShouldBe(6);
    }

    [Fact]
    public async Task ReadLogAsync_NoLogGroup_SaysHowToEnableLogging()
    {
        await servers.ResetForClassAsync(GetType());

        var exception = await Should.ThrowAsync<AuditQueryException>(async () => await Reader().ReadLogAsync(new AuditLogQuery("nolog", Window()), null, Token).ToListAsync(Token));

        exception.Message.ShouldBe("log group /aws/eks/nolog/cluster not found in us-east-1: control-plane logging is not enabled — set cluster.logging (types: [audit, authenticator]) in access.yaml and run eksaccess apply, or give --audit-file");
    }

    [Fact]
    public async Task ReadChangesAsync_EksAndMappedIamChanges_PacedAndRetriedOnThrottling()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        for (var i = 0; i < 60; i++)
        {
            servers.Fake.AddCloudTrailRecord(Record("CreateAccessEntry", "eks.amazonaws.com", Now.AddHours(-2).AddSeconds(i), new JsonObject { ["name"] = "c1", ["principalArn"] = $"arn:aws:iam::123456789012:role/dev{i}" }));
        }

        servers.Fake.AddCloudTrailRecord(Record("AssociateAccessPolicy", "eks.amazonaws.com", Now.AddHours(-1), new JsonObject { ["name"] = "other", ["principalArn"] = "arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fx", ["policyArn"] = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy" }));
        servers.Fake.AddCloudTrailRecord(Record("PutRolePolicy", "iam.amazonaws.com", Now.AddHours(-1), new JsonObject { ["roleName"] = "dev3", ["policyName"] = "p" }));
        servers.Fake.AddCloudTrailRecord(Record("PutRolePolicy", "iam.amazonaws.com", Now.AddHours(-1), new JsonObject { ["roleName"] = "unrelated", ["policyName"] = "p" }));
        servers.Fake.AddFault(r => r.Service == "cloudtrail", 1, new FakeResponse(400, """{"__type":"ThrottlingException","Message":"Rate exceeded"}""", ContentType: "application/x-amz-json-1.1"));
        var started = DateTimeOffset.UtcNow;

        var changes = await Reader().ReadChangesAsync("c1", Window(), new HashSet<string>(StringComparer.Ordinal), Token).ToListAsync(Token);

        changes.Count(c => c.EventName == "CreateAccessEntry").ShouldBe(60);
        changes.Single(c => c.EventSource == "iam.amazonaws.com").PrincipalArn.ShouldBe("arn:aws:iam::123456789012:role/dev3");
        var sent = servers.Fake.RequestsFor("cloudtrail");
        sent.Count.ShouldBe(4); // throttled + 2 EKS pages + 1 IAM page
        (DateTimeOffset.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        var model = JsonServiceModel.Load(servers.BotocoreData, "cloudtrail", "2013-11-01");
        foreach (var request in sent)
        {
            var (operation, problems) = model.Check(request);
            operation.ShouldBe("LookupEvents");
            problems.ShouldBeEmpty();
        }

        var first = JsonNode.Parse(sent[1].Body)!.AsObject();
        var second = JsonNode.Parse(sent[2].Body)!.AsObject();
        second.Remove("NextToken").ShouldBeTrue();
        second.ToJsonString().ShouldBe(first.ToJsonString());
    }

    [Fact]
    public async Task ReadChangesAsync_OlderThan90Days_Refused()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        var window = new AuditWindow(Now.AddDays(-91), Now);

        var exception = await Should.ThrowAsync<AuditQueryException>(async () => await Reader().ReadChangesAsync("c1", window, new HashSet<string>(StringComparer.Ordinal), Token).ToListAsync(Token));

        exception.Message.ShouldContain("is more than 90 days ago: CloudTrail LookupEvents keeps only the last 90 days");
        servers.Fake.RequestsFor("cloudtrail").ShouldBeEmpty();
    }

    [Fact]
    public async Task ResolvePeopleAsync_JoinsTheIssuedAccessKey()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        var assume = Record("AssumeRole", "sts.amazonaws.com", Now.AddHours(-1), new JsonObject { ["roleArn"] = "arn:aws:iam::123456789012:role/dev", ["roleSessionName"] = "EKSGetTokenAuth" });
        assume["responseElements"] = new JsonObject { ["credentials"] = new JsonObject { ["accessKeyId"] = "ASIATOKEN1", ["sessionToken"] = "x" } };
        servers.Fake.AddCloudTrailRecord(assume);

        var people = await Reader().ResolvePeopleAsync(["ASIATOKEN1", "ASIAOTHER"], Window(), Token);

        people.ShouldBe(new Dictionary<string, string>(StringComparer.Ordinal) { ["ASIATOKEN1"] = "bob@example.com (arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Dev_1/bob@example.com)" });
        JsonNode.Parse(servers.Fake.RequestsFor("cloudtrail")[0].Body)!["LookupAttributes"]![0]!["AttributeValue"]!.GetValue<string>().ShouldBe("AssumeRole");
    }

    private AwsAuditReader Reader() => new(servers.Clients(), null, "us-east-1", TimeProvider.System);

    private static AuditWindow Window() => new(Now.AddHours(-24), Now);

    private static string Event(int i) =>
        $$"""{"kind":"Event","apiVersion":"audit.k8s.io/v1","auditID":"00000000-0000-0000-0000-{{i:D12}}","stage":"ResponseComplete","requestURI":"/api/v1/pods","verb":"list","user":{"username":"u{{i}}"},"requestReceivedTimestamp":"2026-11-20T14:00:00Z"}""";

    private static JsonObject Record(string name, string source, DateTimeOffset time, JsonObject request) => new()
    {
        ["eventVersion"] = "1.08",
        ["userIdentity"] = new JsonObject
        {
            ["type"] = "AssumedRole",
            ["principalId"] = "AROASSO:bob@example.com",
            ["arn"] = "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Dev_1/bob@example.com",
            ["accountId"] = "123456789012",
            ["accessKeyId"] = "ASIACALLER",
        },
        ["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["eventSource"] = source,
        ["eventName"] = name,
        ["requestParameters"] = request,
        ["eventID"] = Guid.NewGuid().ToString(),
        ["recipientAccountId"] = "123456789012",
    };
}
