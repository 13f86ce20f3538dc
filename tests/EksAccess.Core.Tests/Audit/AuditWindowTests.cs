using EksAccess.Core.Audit;

namespace EksAccess.Core.Tests.Audit;

public sealed class AuditWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null, "2026-11-19T12:00:00Z", "2026-11-20T12:00:00Z")]
    [InlineData("90m", null, "2026-11-20T10:30:00Z", "2026-11-20T12:00:00Z")]
    [InlineData("7d", "1h30m", "2026-11-13T12:00:00Z", "2026-11-20T10:30:00Z")]
    [InlineData("2026-11-20T09:00:00+02:00", "2026-11-20T11:00:00Z", "2026-11-20T07:00:00Z", "2026-11-20T11:00:00Z")]
    public void TryParse_RfcOrDuration(string? since, string? until, string start, string end)
    {
        AuditWindow.TryParse(since, until, Now, out var window, out var error).ShouldBeTrue(error);

        window.Since.ShouldBe(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        window.Until.ShouldBe(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1h", "2h", "--since (2026-11-20T11:00:00Z) is after --until (2026-11-20T10:00:00Z): give an earlier --since or a later --until")]
    [InlineData("yesterday", null, "--since 'yesterday': expected RFC 3339 (2026-11-20T14:00:00Z) or a duration back from now (90m, 24h, 7d, 1h30m)")]
    [InlineData(null, "2026-11-20", "--until '2026-11-20': expected RFC 3339 (2026-11-20T14:00:00Z) or a duration back from now (90m, 24h, 7d, 1h30m)")]
    [InlineData("5w", null, "--since '5w': expected RFC 3339 (2026-11-20T14:00:00Z) or a duration back from now (90m, 24h, 7d, 1h30m)")]
    public void TryParse_Bad_OneClearError(string? since, string? until, string expected)
    {
        AuditWindow.TryParse(since, until, Now, out _, out var error).ShouldBeFalse();

        error.ShouldBe(expected);
    }
}
