using EksAccess.Core.Tokens;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EksAccess.Core.Tests.Tokens;

public sealed class EksTokenTests
{
    [Fact]
    public void Encode_Url_IsPrefixedBase64UrlWithoutPadding()
    {
        var url = "https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15";

        var token = EksToken.Encode(url);

        token.ShouldStartWith("k8s-aws-v1.");
        token.ShouldNotContain("=");
        token.ShouldNotContain("+");
        token.ShouldNotContain("/");
        // Same bytes as Python's base64.urlsafe_b64encode(url).rstrip('=').
        token.ShouldBe("k8s-aws-v1.aHR0cHM6Ly9zdHMudXMtZWFzdC0xLmFtYXpvbmF3cy5jb20vP0FjdGlvbj1HZXRDYWxsZXJJZGVudGl0eSZWZXJzaW9uPTIwMTEtMDYtMTU");
    }

    [Property]
    public Property EncodeThenDecode_AnyText_RoundTrips(NonNull<string> text)
    {
        var token = EksToken.Encode(text.Get);

        var decoded = EksToken.TryDecode(token, out var url);

        return (decoded && string.Equals(url, System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text.Get)), StringComparison.Ordinal)).ToProperty();
    }

    [Theory]
    [InlineData("k8s-aws-v2.aGk")]
    [InlineData("aGk")]
    [InlineData("k8s-aws-v1.a*b")]
    public void TryDecode_NotAnEksToken_IsFalse(string token)
    {
        EksToken.TryDecode(token, out _).ShouldBeFalse();
    }
}
