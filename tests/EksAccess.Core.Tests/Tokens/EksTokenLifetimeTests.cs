using EksAccess.Core.Tokens;

namespace EksAccess.Core.Tests.Tokens;

public sealed class EksTokenLifetimeTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ExpirationFor_FractionalSeconds_IsFourteenMinutesLaterTruncated()
    {
        EksTokenLifetime.ExpirationFor(SignedAt.AddMilliseconds(999)).ShouldBe(SignedAt.AddMinutes(14));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    [InlineData(900, false)]
    [InlineData(-60, true)]
    [InlineData(-61, false)]
    public void IsReusable_SecondsAfterSigning_KeepsFiveMinutesOfValidity(int secondsAfterSigning, bool reusable)
    {
        EksTokenLifetime.IsReusable(SignedAt, SignedAt.AddSeconds(secondsAfterSigning)).ShouldBe(reusable);
    }
}
