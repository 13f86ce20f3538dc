using EksAccess.Core.Audit;

namespace EksAccess.Core.Tests.Audit;

public sealed class AuditEventFilterTests
{
    private static readonly AuditWindow Day = new(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/PlatformAdmin")]
    [InlineData("arn:aws:iam::111122223333:role/admins/platformadmin")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/PlatformAdmin/someone-else")]
    public void Matches_PrincipalAsRoleSessionOrPathedRole(string principal)
    {
        var events = AuditFixture.Read("eks-audit.log").Events;
        var filter = new AuditEventFilter(Day, [principal], []);

        events.Where(filter.Matches).Select(e => e.AuditId[^1..]).ShouldBe(["d", "5", "8"]);
    }

    [Fact]
    public void Matches_UsernameOrUser_AndTheWindow()
    {
        var events = AuditFixture.Read("eks-audit.log").Events;

        events.Count(new AuditEventFilter(Day, [], ["developer"]).Matches).ShouldBe(1);
        events.Count(new AuditEventFilter(Day, ["arn:aws:iam::111122223333:user/dev-john"], []).Matches).ShouldBe(4);
        events.Count(new AuditEventFilter(Day, [], []).Matches).ShouldBe(9);
    }
}
