using EksAccess.Aws.CloudWatchLogs;
using EksAccess.Aws.CloudWatchLogs.Model;

namespace EksAccess.Aws.Tests.CloudWatchLogs;

[Collection(AwsSequential.Name)]
public sealed class CloudWatchLogsClientTests(AwsTestServers servers)
{
    private const string Group = "/aws/eks/dev1/cluster";

    // CloudWatch Logs (and moto) refuse events older than 14 days, so the seed is relative to now, to the minute.
    private static readonly long BaseMilliseconds = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds() / 60 * 60 * 1000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FilterLogEventsAllAsync_TermPattern_ReturnsMatchingEventsAcrossPages()
    {
        var logs = await SeedAsync();

        var events = await logs.FilterLogEventsAllAsync(
            new FilterLogEventsRequest { LogGroupName = Group, FilterPattern = "bob", Limit = 1 },
            Token).ToListAsync(Token);
        var all = await logs.FilterLogEventsAllAsync(new FilterLogEventsRequest { LogGroupName = Group, LogStreamNamePrefix = "kube-apiserver-audit" }, Token).ToListAsync(Token);

        events.Count.ShouldBe(2);
        events.ShouldAllBe(e => e.Message!.Contains("bob"));
        events[0].LogStreamName.ShouldBe("kube-apiserver-audit-0123");
        events[0].Timestamp.ShouldBe(BaseMilliseconds + 1_000);
        all.Count.ShouldBe(4);
    }

    [Fact]
    public async Task StartQuery_ThenGetQueryResults_Completes()
    {
        var logs = await SeedAsync();

        var started = await logs.StartQueryAsync(
            new StartQueryRequest { LogGroupName = Group, StartTime = (BaseMilliseconds / 1000) - 60, EndTime = (BaseMilliseconds / 1000) + 60, QueryString = "fields @timestamp, @message | sort @timestamp desc | limit 2" },
            Token);
        var results = await logs.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = started.QueryId }, Token);

        started.QueryId.ShouldNotBeNullOrEmpty();
        results.Status.ShouldBe(QueryStatus.Complete);
        results.Results.ShouldNotBeNull().Count.ShouldBe(2);
        results.Results[0].ShouldContain(f => f.Field == "@message");
    }

    [Fact]
    public async Task FilterLogEvents_UnknownGroup_ThrowsResourceNotFound()
    {
        await servers.ResetForClassAsync(GetType());

        var exception = await Should.ThrowAsync<AwsServiceException>(() =>
            servers.Clients().CloudWatchLogs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = "/nope" }, Token));

        exception.ErrorCode.ShouldBe("ResourceNotFoundException");
        exception.Operation.ShouldBe("FilterLogEvents");
    }

    private async Task<ICloudWatchLogsClient> SeedAsync()
    {
        await servers.ResetForClassAsync(GetType());
        var logs = servers.Clients().CloudWatchLogs;
        var existing = await logs.FilterLogEventsAsync(new FilterLogEventsRequest { LogGroupName = Group }, Token).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
        if (!existing)
        {
            await new RawAws(servers.Settings()).PutLogEventsAsync(
                Group,
                "kube-apiserver-audit-0123",
                [
                    (BaseMilliseconds + 0_000, """{"user":{"username":"alice"},"verb":"get"}"""),
                    (BaseMilliseconds + 1_000, """{"user":{"username":"bob"},"verb":"list"}"""),
                    (BaseMilliseconds + 2_000, """{"user":{"username":"alice"},"verb":"delete"}"""),
                    (BaseMilliseconds + 3_000, """{"user":{"username":"bob"},"verb":"create"}"""),
                ],
                Token);
        }

        return logs;
    }
}
