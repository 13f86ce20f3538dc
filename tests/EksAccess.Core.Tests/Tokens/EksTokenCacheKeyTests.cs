using EksAccess.Core.Tokens;

namespace EksAccess.Core.Tests.Tokens;

public sealed class EksTokenCacheKeyTests
{
    [Fact]
    public void Compute_SameInputs_IsStableLowerHexSha256()
    {
        var a = EksTokenCacheKey.Compute("c1", "us-east-1", null, null, null, "AKIA1");
        var b = EksTokenCacheKey.Compute("c1", "us-east-1", null, null, null, "AKIA1");

        a.ShouldBe(b);
        a!.Length.ShouldBe(64);
        a.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Compute_AnyFieldDiffers_GivesAnotherKey()
    {
        var keys = new[]
        {
            EksTokenCacheKey.Compute("c1", "us-east-1", null, null, null, "AKIA1"),
            EksTokenCacheKey.Compute("c2", "us-east-1", null, null, null, "AKIA1"),
            EksTokenCacheKey.Compute("c1", "eu-west-1", null, null, null, "AKIA1"),
            EksTokenCacheKey.Compute("c1", "us-east-1", "arn:aws:iam::1:role/r", "EKSGetTokenAuth", null, "AKIA1"),
            EksTokenCacheKey.Compute("c1", "us-east-1", "arn:aws:iam::1:role/r", "other", null, "AKIA1"),
            EksTokenCacheKey.Compute("c1", "us-east-1", null, null, "dev", "AKIA1"),
            EksTokenCacheKey.Compute("c1", "us-east-1", null, null, null, "AKIA2"),
            // Field boundaries matter: ("c1x", "") is not ("c1", "x").
            EksTokenCacheKey.Compute("c1", "us-east-1", null, "x", null, "AKIA1"),
            EksTokenCacheKey.Compute("c1", "us-east-1", "x", null, null, "AKIA1"),
        };

        keys.Distinct(StringComparer.Ordinal).Count().ShouldBe(keys.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Compute_NoAccessKeyId_IsNull(string? accessKeyId)
    {
        EksTokenCacheKey.Compute("c1", "us-east-1", null, null, null, accessKeyId).ShouldBeNull();
    }
}
