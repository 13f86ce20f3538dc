using System.Text;
using EksAccess.Core.Audit;

namespace EksAccess.Core.Tests.Audit;

public sealed class AuditLineParserTests
{
    [Fact]
    public void Parse_EksAuditLog_ReadsEveryEventAndReportsBadLines()
    {
        var (events, logins, errors) = AuditFixture.Read("eks-audit.log");

        events.Count.ShouldBe(10);
        logins.Count.ShouldBe(1);
        errors.Select(e => e.Line).ShouldBe([9, 14]);
        errors[0].Error.ShouldStartWith("invalid JSON: ");
        errors[1].Error.ShouldBe("not JSON and not an authenticator log line");
    }

    [Fact]
    public void Parse_SsoSession_CanonicalRoleAndThePersonsSessionName()
    {
        var first = AuditFixture.Read("eks-audit.log").Events[0];

        first.PrincipalArn.ShouldBe("arn:aws:iam::111122223333:role/PlatformAdmin");
        first.SessionName.ShouldBe("jane@example.com");
        first.Username.ShouldBe("arn:aws:sts::111122223333:assumed-role/PlatformAdmin/jane-example.com");
        first.AccessKeyId.ShouldBe("ASIAEXAMPLEKEY123456");
        first.Time.ShouldBe(new DateTimeOffset(2026, 11, 20, 14, 27, 7, TimeSpan.Zero).AddTicks(4616830));
        first.Resource.ShouldBe("namespaces");
        first.ApiGroup.ShouldBe("");
        first.Decision.ShouldBe("allow");
        first.Reason.ShouldNotBeNull().ShouldStartWith("EKS Access Policy: allowed by ClusterRoleBinding");
    }

    [Fact]
    public void Parse_WebSocketExec_IsGetWith101AndExecSubresource()
    {
        var exec = AuditFixture.Read("eks-audit.log").Events.Single(e => e.Subresource == "exec");

        exec.Verb.ShouldBe("get");
        exec.Code.ShouldBe(101);
        exec.Name.ShouldBe("web-1");
        exec.IsDenied.ShouldBeFalse();
        exec.SessionName.ShouldBeNull();
        exec.PrincipalArn.ShouldBe("arn:aws:iam::111122223333:user/dev-john");
    }

    [Fact]
    public void Parse_LegacyUidWithoutPrincipalId_StillCanonical()
    {
        var legacy = AuditFixture.Read("eks-audit.log").Events.Single(e => e.Username == "developer");

        legacy.PrincipalArn.ShouldBe("arn:aws:iam::111122223333:role/EKSDeveloperRole");
        legacy.SessionName.ShouldBe("EKSGetTokenAuth");
        legacy.AccessKeyId.ShouldBe("ASIAEXAMPLETOKEN0001");
    }

    [Fact]
    public void Parse_ImpersonationForbidAndNonResource()
    {
        var events = AuditFixture.Read("eks-audit.log").Events;

        events.Single(e => e.ImpersonatedUser is not null).ImpersonatedUser.ShouldBe("dev-john");
        var forbidden = events.Single(e => e.Verb == "delete");
        forbidden.IsDenied.ShouldBeTrue();
        forbidden.Code.ShouldBe(403);
        forbidden.ApiGroup.ShouldBe("apps");
        var version = events.Single(e => e.NonResourceUrl is not null);
        version.NonResourceUrl.ShouldBe("/version");
        version.Resource.ShouldBeNull();
        version.PrincipalArn.ShouldBeNull();
    }

    [Theory]
    [InlineData("filter-log-events.json")]
    [InlineData("filter-log-events-compact.json")]
    public void Parse_FilterLogEventsOutput_ReadsMessages(string name)
    {
        var (events, logins, errors) = AuditFixture.Read(name);

        errors.ShouldBeEmpty();
        events.Select(e => e.AuditId).ShouldBe(["fb5dba68-6262-4718-b45e-d293b03e434d", "0b6c1a0e-1111-4a4a-9b9b-000000000003"]);
        logins.Single().PrincipalArn.ShouldBe("arn:aws:iam::111122223333:user/dev-john");
    }

    [Fact]
    public void Parse_OneEventsItemPerLine_ReadsTheMessage()
    {
        var line = new AuditLine();
        AuditLineParser.Parse(Encoding.UTF8.GetBytes("""{"logStreamName":"kube-apiserver-audit-1","timestamp":1,"message":"{\"auditID\":\"a\",\"verb\":\"get\",\"user\":{\"username\":\"u\"},\"stageTimestamp\":\"2026-11-20T14:00:00Z\"}"}"""), line);

        line.Error.ShouldBeNull();
        line.Events.Single().Stage.ShouldBe(AuditStages.ResponseComplete);
    }

    [Theory]
    [InlineData("""{"kind":"Policy","apiVersion":"audit.k8s.io/v1"}""", "kind 'Policy' is not an audit.k8s.io/v1 Event")]
    [InlineData("""{"auditID":"a","verb":"get","user":{"username":"u"}}""", "event a has no requestReceivedTimestamp or stageTimestamp (RFC 3339)")]
    [InlineData("[1,2]", "not JSON and not an authenticator log line")]
    public void Parse_NotAnEvent_Explains(string text, string error)
    {
        var line = new AuditLine();
        AuditLineParser.Parse(Encoding.UTF8.GetBytes(text), line);

        line.Error.ShouldBe(error);
        line.Events.ShouldBeEmpty();
    }
}
