using System.Collections.Specialized;
using System.Web;
using Amazon.Runtime;
using EksAccess.Aws.Tokens;
using EksAccess.Core.Tokens;

namespace EksAccess.Aws.Tests.Tokens;

public sealed class EksTokenPresignerTests
{
    private static readonly DateTime SignedAt = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
    private static readonly ImmutableCredentials Basic = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token: null);
    private static readonly ImmutableCredentials Session = new("ASIAEXAMPLE", "sessionsecret", "FwoGZXIvYXdzEXAMPLE//token+with/slashes=");

    [Fact]
    public void Presign_FixedSigningTime_IsDeterministic()
    {
        var url = EksTokenPresigner.Presign("my-cluster", "us-east-1", Basic, SignedAt);

        url.ShouldBe(EksTokenPresigner.Presign("my-cluster", "us-east-1", Basic, SignedAt));
        url.ShouldBe(
            "https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Expires=60"
            + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261124%2Fus-east-1%2Fsts%2Faws4_request"
            + "&X-Amz-Date=20261124T100000Z&X-Amz-SignedHeaders=host%3Bx-k8s-aws-id"
            + "&X-Amz-Signature=" + Query(url)["X-Amz-Signature"]);
        Query(url)["X-Amz-Signature"]!.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Presign_SessionCredentials_CarriesTheSecurityToken()
    {
        var query = Query(EksTokenPresigner.Presign("c1", "eu-west-1", Session, SignedAt));

        query["X-Amz-Security-Token"].ShouldBe(Session.Token);
        query["X-Amz-Credential"].ShouldBe("ASIAEXAMPLE/20261124/eu-west-1/sts/aws4_request");
    }

    [Fact]
    public void Presign_ChinaRegion_UsesThePartitionsEndpoint()
    {
        new Uri(EksTokenPresigner.Presign("c1", "cn-north-1", Basic, SignedAt)).Host.ShouldBe("sts.cn-north-1.amazonaws.com.cn");
    }

    [Fact]
    public void Presign_NotARegion_Throws()
    {
        Should.Throw<ArgumentException>(() => EksTokenPresigner.Presign("c1", "evil.example.com/", Basic, SignedAt));
    }

    [Fact]
    public async Task CreateToken_BasicAndSessionCredentials_BotocoreVerifiesTheSignature()
    {
        var basic = EksTokenPresigner.CreateToken("my-cluster", "us-east-1", Basic, SignedAt);
        var session = EksTokenPresigner.CreateToken("dev1", "eu-west-1", Session, DateTime.UtcNow);

        (await BotocoreTokenCheck.VerifyAsync(basic, "my-cluster", Basic.SecretKey)).ShouldBe("match");
        (await BotocoreTokenCheck.VerifyAsync(session, "dev1", Session.SecretKey, Session.Token)).ShouldBe("match");
    }

    [Fact]
    public async Task CreateToken_OtherClusterOrSecret_BotocoreRejectsTheSignature()
    {
        var token = EksTokenPresigner.CreateToken("my-cluster", "us-east-1", Basic, SignedAt);

        (await BotocoreTokenCheck.VerifyAsync(token, "other-cluster", Basic.SecretKey)).ShouldStartWith("mismatch");
        (await BotocoreTokenCheck.VerifyAsync(token, "my-cluster", "wrong-secret")).ShouldStartWith("mismatch");
    }

    [Theory]
    [InlineData("us-east-1", null)]
    [InlineData("eu-west-1", "session-token-value")]
    [InlineData("cn-north-1", null)]
    public async Task CreateToken_SideBySideWithAwsEksGetToken_SameHostPathParametersAndSignedHeaders(string region, string? sessionToken)
    {
        var credentials = new ImmutableCredentials("AKIDSIDEBYSIDE", "side-by-side-secret", sessionToken);
        var (exitCode, stdout, stderr) = await ExternalTool.RunAsync(
            "aws",
            ["eks", "get-token", "--cluster-name", "side-by-side", "--region", region],
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["AWS_ACCESS_KEY_ID"] = credentials.AccessKey,
                ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretKey,
                ["AWS_SESSION_TOKEN"] = sessionToken,
                ["AWS_PROFILE"] = null,
                ["AWS_ENDPOINT_URL"] = null,
                ["KUBERNETES_EXEC_INFO"] = null,
            });
        exitCode.ShouldBe(0, stderr);
        using var awsJson = System.Text.Json.JsonDocument.Parse(stdout);
        var awsToken = awsJson.RootElement.GetProperty("status").GetProperty("token").GetString()!;

        var ours = EksTokenPresigner.CreateToken("side-by-side", region, credentials, DateTime.UtcNow);

        EksToken.TryDecode(awsToken, out var awsUrl).ShouldBeTrue();
        EksToken.TryDecode(ours, out var ourUrl).ShouldBeTrue();
        var (a, o) = (new Uri(awsUrl), new Uri(ourUrl));
        o.Scheme.ShouldBe(a.Scheme);
        o.Host.ShouldBe(a.Host);
        o.AbsolutePath.ShouldBe(a.AbsolutePath);
        var (aq, oq) = (Query(awsUrl), Query(ourUrl));
        oq.AllKeys.Order(StringComparer.Ordinal).ShouldBe(aq.AllKeys.Order(StringComparer.Ordinal));
        foreach (var name in new[] { "Action", "Version", "X-Amz-Algorithm", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Security-Token" })
        {
            oq[name].ShouldBe(aq[name], name);
        }

        oq["X-Amz-Credential"]!.Split('/').Skip(2).ShouldBe(aq["X-Amz-Credential"]!.Split('/').Skip(2));
        oq["X-Amz-SignedHeaders"].ShouldBe("host;x-k8s-aws-id");
        oq["X-Amz-Expires"].ShouldBe("60");
        (await BotocoreTokenCheck.VerifyAsync(awsToken, "side-by-side", credentials.SecretKey, sessionToken)).ShouldBe("match");
        (await BotocoreTokenCheck.VerifyAsync(ours, "side-by-side", credentials.SecretKey, sessionToken)).ShouldBe("match");
    }

    private static NameValueCollection Query(string url) => HttpUtility.ParseQueryString(new Uri(url).Query);
}
