using EksAccess.Core.Audit;

namespace EksAccess.Core.Tests.Audit;

public sealed class AuditDeduplicatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Accept_StagesOfOneRequest_PassesTheFinalOnce()
    {
        var dedup = new AuditDeduplicator();

        var accepted = new[]
        {
            dedup.Accept(Event("a", AuditStages.RequestReceived)),
            dedup.Accept(Event("a", AuditStages.ResponseStarted)),
            dedup.Accept(Event("a", AuditStages.ResponseComplete)),
            dedup.Accept(Event("a", AuditStages.ResponseComplete)),
        };

        accepted.ShouldBe([false, false, true, false]);
        dedup.Flush().ShouldBeEmpty();
        dedup.Duplicates.ShouldBe(3);
    }

    [Fact]
    public void Flush_RequestThatNeverCompleted_PassesItsLatestStage()
    {
        var dedup = new AuditDeduplicator();
        dedup.Accept(Event("watch", AuditStages.RequestReceived));
        dedup.Accept(Event("watch", AuditStages.ResponseStarted));
        dedup.Accept(Event("0b6c1a0e-1111-4a4a-9b9b-000000000002", AuditStages.ResponseComplete)).ShouldBeTrue();

        var flushed = dedup.Flush();

        flushed.Single().Stage.ShouldBe(AuditStages.ResponseStarted);
        dedup.Accept(Event("watch", AuditStages.ResponseComplete)).ShouldBeFalse();
        dedup.Accept(Event("0B6C1A0E-1111-4A4A-9B9B-000000000002", AuditStages.ResponseComplete)).ShouldBeFalse();
    }

    private static AuditEvent Event(string id, string stage) => new() { AuditId = id, Stage = stage, Time = T0, Username = "u", Verb = "watch" };
}
