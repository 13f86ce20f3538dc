using EksAccess.Aws.CloudTrail;
using EksAccess.Aws.CloudTrail.Model;

namespace EksAccess.Aws.Tests.CloudTrail;

/// <summary>LookupEvents against the fake (moto answers HTTP 500 NotImplementedError).</summary>
[Collection(AwsSequential.Name)]
public sealed class CloudTrailClientTests(AwsTestServers servers)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LookupEventsAllAsync_ByUsername_PagesNewestFirst()
    {
        var cloudTrail = await SeedAsync();

        var request = new LookupEventsRequest
        {
            LookupAttributes = [new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "alice" }],
            StartTime = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            EndTime = new DateTime(2024, 12, 31, 0, 0, 0, DateTimeKind.Utc),
            MaxResults = 1,
        };
        var events = await cloudTrail.LookupEventsAllAsync(request, Token).ToListAsync(Token);
        var sent = servers.Fake.RequestsFor("cloudtrail")[^1];

        events.Select(e => e.EventName).ShouldBe(["AssociateAccessPolicy", "CreateAccessEntry"]);
        events[0].EventTime.ShouldBe(new DateTime(2024, 5, 2, 0, 0, 0, DateTimeKind.Utc));
        events[0].Resources!.Single().ResourceName.ShouldBe("dev1");
        events[0].CloudTrailEvent.ShouldNotBeNull().ShouldContain("\"eventSource\":\"eks.amazonaws.com\"");
        sent.Header("X-Amz-Target").ShouldBe("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents");
        sent.Header("Content-Type").ShouldBe("application/x-amz-json-1.1");
        sent.Body.ShouldContain("\"LookupAttributes\":[{\"AttributeKey\":\"Username\",\"AttributeValue\":\"alice\"}]");
        sent.Body.ShouldContain("\"StartTime\":1704067200");
    }

    [Fact]
    public async Task LookupEvents_TwoAttributes_ThrowsInvalidLookupAttributes()
    {
        var cloudTrail = await SeedAsync();
        var request = new LookupEventsRequest
        {
            LookupAttributes =
            [
                new LookupAttribute { AttributeKey = LookupAttributeKey.Username, AttributeValue = "alice" },
                new LookupAttribute { AttributeKey = LookupAttributeKey.EventName, AttributeValue = "CreateAccessEntry" },
            ],
        };

        var exception = await Should.ThrowAsync<AwsServiceException>(() => cloudTrail.LookupEventsAsync(request, Token));

        exception.ErrorCode.ShouldBe("InvalidLookupAttributesException");
        exception.Message.ShouldStartWith("LookupEvents failed: InvalidLookupAttributesException (HTTP 400): You cannot specify more than one lookup attribute. [request id ");
    }

    private async Task<ICloudTrailClient> SeedAsync()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        servers.Fake.AddCloudTrailEvent("CreateAccessEntry", "alice", new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), "dev1");
        servers.Fake.AddCloudTrailEvent("AssociateAccessPolicy", "alice", new DateTime(2024, 5, 2, 0, 0, 0, DateTimeKind.Utc), "dev1");
        servers.Fake.AddCloudTrailEvent("CreateAccessEntry", "bob", new DateTime(2024, 5, 3, 0, 0, 0, DateTimeKind.Utc), "dev1");
        return servers.Clients().CloudTrail;
    }
}
