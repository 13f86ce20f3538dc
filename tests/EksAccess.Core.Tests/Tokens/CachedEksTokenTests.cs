using EksAccess.Core.Tokens;

namespace EksAccess.Core.Tests.Tokens;

public sealed class CachedEksTokenTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToJsonThenTryParse_Entry_RoundTrips()
    {
        var entry = new CachedEksToken("k8s-aws-v1.abc", SignedAt);

        CachedEksToken.TryParse(entry.ToJson()).ShouldBe(entry);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"version\":2,\"signedAt\":\"2026-11-24T10:00:00Z\",\"token\":\"k8s-aws-v1.abc\"}")]
    [InlineData("{\"version\":1,\"signedAt\":\"yesterday\",\"token\":\"k8s-aws-v1.abc\"}")]
    [InlineData("{\"version\":1,\"signedAt\":\"2026-11-24T10:00:00Z\",\"token\":\"Bearer abc\"}")]
    [InlineData("{\"version\":1,\"signedAt\":\"2026-11-24T10:00:00Z\"}")]
    public void TryParse_Malformed_IsNull(string json)
    {
        CachedEksToken.TryParse(json).ShouldBeNull();
    }

    [Fact]
    public void ExpirationTimestamp_Entry_IsSigningTimePlusFourteenMinutes()
    {
        new CachedEksToken("k8s-aws-v1.abc", SignedAt).ExpirationTimestamp.ShouldBe(SignedAt.AddMinutes(14));
    }
}
