
namespace EksAccess.Aws.Tests.Eks;

/// <summary>The model checker itself catches what it is meant to catch.</summary>
[Collection(AwsSequential.Name)]
public sealed class EksServiceModelTests(AwsTestServers servers)
{
    [Fact]
    public void Check_RawColonUnknownMemberBadEnum_ReportsEach()
    {
        var model = EksServiceModel.Load(servers.BotocoreData);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        var request = new RecordedRequest(
            "eks",
            "POST",
            "/clusters/c1/access-entries/arn:aws:iam::123456789012:role%2Fdev/access-policies",
            "",
            headers,
            """{"policyArn":"p","accessScope":{"type":"Cluster"},"scope":1}""");

        var (operation, problems) = model.Check(request);

        operation.ShouldBe("AssociateAccessPolicy");
        problems.ShouldContain(p => p.Contains("not percent-encoded in full", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("body member scope is not in the model", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("is not a value of enum AccessScopeType", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MissingRequiredBodyMember_IsReported()
    {
        var model = EksServiceModel.Load(servers.BotocoreData);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        var request = new RecordedRequest("eks", "POST", "/clusters/c1/access-entries", "?maxResult=3", headers, """{"username":"x"}""");

        var (operation, problems) = model.Check(request);

        operation.ShouldBe("CreateAccessEntry");
        problems.ShouldContain(p => p.Contains("required body member principalArn is missing", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("query parameter maxResult is not in the model", StringComparison.Ordinal));
    }
}
