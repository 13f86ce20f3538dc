using EksAccess.Core.Identity;

namespace EksAccess.Core.Tests.Identity;

public sealed class UsernameTemplateTests
{
    [Fact]
    public void Render_AccountIdAndSessionName_ReplacesAtInSessionName()
    {
        var result = UsernameTemplate.Render("sso:{{AccountID}}:{{SessionName}}", new UsernameTemplateContext("111122223333", "jane@example.com"));

        result.Value.ShouldBe("sso:111122223333:jane-example.com");
        result.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void Render_SessionNameRaw_KeepsTheSessionNameUnchanged()
    {
        UsernameTemplate.Render("sso:{{SessionNameRaw}}", new UsernameTemplateContext("111122223333", "jane@example.com")).Value.ShouldBe("sso:jane@example.com");
    }

    [Fact]
    public void Render_IamUser_HasAnEmptySessionName()
    {
        UsernameTemplate.Render("user:{{SessionName}}", new UsernameTemplateContext("111122223333", "")).Value.ShouldBe("user:");
    }

    [Theory]
    [InlineData("i-0123456789abcdef0")]
    [InlineData("i-12345678")]
    public void Render_Ec2PrivateDnsNameWithInstanceSession_KeepsPlaceholderAndSaysWhy(string session)
    {
        var result = UsernameTemplate.Render("system:node:{{EC2PrivateDNSName}}", new UsernameTemplateContext("111122223333", session));

        result.Value.ShouldBe("system:node:{{EC2PrivateDNSName}}");
        result.Notes.ShouldBe([$"{{{{EC2PrivateDNSName}}}} is the private DNS name of instance {session}, which a snapshot does not hold; it is left as a placeholder"]);
    }

    [Fact]
    public void Render_Ec2PrivateDnsNameKnown_IsReplaced()
    {
        var context = new UsernameTemplateContext("111122223333", "i-0123456789abcdef0") { Ec2PrivateDnsName = "ip-10-0-1-23.ec2.internal" };

        UsernameTemplate.Render("system:node:{{EC2PrivateDNSName}}", context).Value.ShouldBe("system:node:ip-10-0-1-23.ec2.internal");
    }

    [Theory]
    [InlineData("EKSGetTokenAuth")]
    [InlineData("i-0123456789abcdef")]
    [InlineData("")]
    public void Render_Ec2PrivateDnsNameWithOtherSession_Fails(string session)
    {
        var result = UsernameTemplate.Render("system:node:{{EC2PrivateDNSName}}", new UsernameTemplateContext("111122223333", session));

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe($"SessionName did not contain an instance id (session '{session}'; {{{{EC2PrivateDNSName}}}} needs a session named like i-0123456789abcdef0)");
    }

    [Fact]
    public void Render_AccessKeyId_StaysAsPlaceholderOffline()
    {
        var result = UsernameTemplate.Render("key:{{AccessKeyID}}", new UsernameTemplateContext("111122223333", "s1"));

        result.Value.ShouldBe("key:{{AccessKeyID}}");
        result.Notes.ShouldBe(["{{AccessKeyID}} is the access key id that signed the token, which is unknown offline; it is left as a placeholder"]);
    }

    [Fact]
    public void Render_UnknownPlaceholder_StaysAsWrittenWithNote()
    {
        var result = UsernameTemplate.Render("{{AccountId}}-x", new UsernameTemplateContext("111122223333", "s1"));

        result.Value.ShouldBe("{{AccountId}}-x");
        result.Notes.ShouldBe(["{{AccountId}} is not a placeholder the authenticator knows; it stays in the text as written"]);
    }

    [Fact]
    public void Render_UnknownSession_KeepsSessionPlaceholders()
    {
        var result = UsernameTemplate.Render("arn:aws:sts::{{AccountID}}:assumed-role/Dev/{{SessionName}}", new UsernameTemplateContext("111122223333", SessionName: null));

        result.Value.ShouldBe("arn:aws:sts::111122223333:assumed-role/Dev/{{SessionName}}");
        result.Notes.ShouldBeEmpty();
    }
}
