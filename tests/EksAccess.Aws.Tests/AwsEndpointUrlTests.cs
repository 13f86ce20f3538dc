namespace EksAccess.Aws.Tests;

public sealed class AwsEndpointUrlTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("https://eks.us-east-1.amazonaws.com", true)]
    [InlineData("ftp://x", false)]
    [InlineData("not a url", false)]
    [InlineData("localhost:5000", false)]
    [InlineData(null, false)]
    public void TryParse_Text_AcceptsOnlyAbsoluteHttpOrHttps(string? text, bool expected)
    {
        var parsed = AwsEndpointUrl.TryParse(text, out var uri);

        parsed.ShouldBe(expected);
        (uri is not null).ShouldBe(expected);
    }
}
