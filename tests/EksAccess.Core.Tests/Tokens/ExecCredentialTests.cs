using EksAccess.Core.Tokens;

namespace EksAccess.Core.Tests.Tokens;

public sealed class ExecCredentialTests
{
    private static readonly DateTimeOffset Expiry = new(2026, 11, 24, 10, 14, 5, TimeSpan.Zero);

    [Fact]
    public void ToJson_Token_IsAwsEksGetTokenFormat()
    {
        var credential = new ExecCredential(ExecCredential.DefaultApiVersion, "k8s-aws-v1.abc", Expiry);

        var json = credential.ToJson();

        json.ShouldBe(
            "{\n    \"kind\": \"ExecCredential\",\n    \"apiVersion\": \"client.authentication.k8s.io/v1beta1\",\n    \"spec\": {},\n"
            + "    \"status\": {\n        \"expirationTimestamp\": \"2026-11-24T10:14:05Z\",\n        \"token\": \"k8s-aws-v1.abc\"\n    }\n}\n\n");
    }

    [Fact]
    public void ToJson_ParsedBack_HasTheExecCredentialFields()
    {
        var credential = new ExecCredential(ExecCredential.V1ApiVersion, "k8s-aws-v1.abc", Expiry);

        using var document = System.Text.Json.JsonDocument.Parse(credential.ToJson());

        document.RootElement.GetProperty("kind").GetString().ShouldBe("ExecCredential");
        document.RootElement.GetProperty("apiVersion").GetString().ShouldBe("client.authentication.k8s.io/v1");
        document.RootElement.GetProperty("status").GetProperty("token").GetString().ShouldBe("k8s-aws-v1.abc");
    }

    [Fact]
    public void FormatTimestamp_OffsetAndFraction_IsUtcSecondsWithZ()
    {
        var local = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2));

        ExecCredential.FormatTimestamp(local).ShouldBe("2026-01-02T01:04:05Z");
    }

    [Fact]
    public void ToString_Always_HidesTheToken()
    {
        new ExecCredential(ExecCredential.DefaultApiVersion, "k8s-aws-v1.secret", Expiry).ToString().ShouldNotContain("secret");
    }

    [Theory]
    [InlineData(null, "client.authentication.k8s.io/v1beta1", false)]
    [InlineData("", "client.authentication.k8s.io/v1beta1", false)]
    [InlineData("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredentials\",\"spec\":{\"interactive\":true}}", "client.authentication.k8s.io/v1", false)]
    [InlineData("{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\"}", "client.authentication.k8s.io/v1beta1", false)]
    [InlineData("{\"apiVersion\":\"client.authentication.k8s.io/v1alpha1\"}", "client.authentication.k8s.io/v1alpha1", true)]
    [InlineData("{\"apiVersion\":\"client.authentication.k8s.io/v2\"}", "client.authentication.k8s.io/v1beta1", true)]
    [InlineData("{}", "client.authentication.k8s.io/v1beta1", true)]
    [InlineData("not json", "client.authentication.k8s.io/v1beta1", true)]
    public void ApiVersionFromExecInfo_Input_AnswersAsAwsCli(string? execInfo, string expected, bool warns)
    {
        var (apiVersion, warning) = ExecCredential.ApiVersionFromExecInfo(execInfo);

        apiVersion.ShouldBe(expected);
        (warning is not null).ShouldBe(warns);
    }
}
