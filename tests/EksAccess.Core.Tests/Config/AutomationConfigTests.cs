using EksAccess.Core.Config;

namespace EksAccess.Core.Tests.Config;

/// <summary>The automation: section: defaults, and one error per bad value at its file:line:column.</summary>
public sealed class AutomationConfigTests
{
    private const string Header = """
        apiVersion: eksaccess.io/v1alpha1
        kind: AccessConfig
        cluster:
          name: my-cluster
          region: us-east-1
          accountId: "111122223333"
        admins:
          - principal: arn:aws:iam::111122223333:role/PlatformAdmin

        """;

    [Fact]
    public void Parse_NoAutomationSection_IsNull()
    {
        var result = AccessConfigParser.ParseAndValidate(Header, "access.yaml");

        result.Diagnostics.ShouldBeEmpty();
        result.Config!.Automation.ShouldBeNull();
    }

    [Fact]
    public void Parse_EmptySection_TakesTheDefaults()
    {
        var result = AccessConfigParser.ParseAndValidate(Header + "automation: {}\n", "access.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var automation = result.Config!.Automation.ShouldNotBeNull();
        automation.Namespace.ShouldBe("eksaccess");
        automation.ServiceAccount.ShouldBe("eksaccess");
        automation.RoleName.ShouldBe("eksaccess-automation");
        automation.Commands.ShouldBe(["prune", "verify"]);
    }

    [Fact]
    public void Parse_EveryKey_ReadAsWritten()
    {
        var result = AccessConfigParser.ParseAndValidate(Header + """
            automation:
              namespace: platform-jobs
              serviceAccount: access-check
              roleName: AccessCheck
              commands: [verify]

            """, "access.yaml");

        result.Diagnostics.ShouldBeEmpty();
        var automation = result.Config!.Automation.ShouldNotBeNull();
        (automation.Namespace, automation.ServiceAccount, automation.RoleName).ShouldBe(("platform-jobs", "access-check", "AccessCheck"));
        automation.Commands.ShouldBe(["verify"]);
        automation.Location.ToString().ShouldBe("access.yaml:10:3");
    }

    [Fact]
    public void Parse_BadValues_OneErrorEachAtItsPosition()
    {
        var result = AccessConfigParser.ParseAndValidate(Header + """
            automation:
              namespace: Platform_Jobs
              serviceAccount: eksaccess
              roleName: "eks access"
              commands: [prune, verfy, prune]
              schedule: "*/5 * * * *"

            """, "access.yaml");

        result.Diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "access.yaml:10:14: automation.namespace 'Platform_Jobs' is not a namespace: at most 63 of a-z, 0-9 and '-', starting and ending with a letter or digit — write e.g. 'namespace: eksaccess'",
            "access.yaml:12:13: automation.roleName 'eks access' is not an IAM role name: 1 to 64 of A-Z, a-z, 0-9 and +=,.@_- — write e.g. 'roleName: eksaccess-automation'",
            "access.yaml:13:21: unknown automation command 'verfy' — did you mean 'verify'? (use one of prune, verify)",
            "access.yaml:13:28: automation command 'prune' is listed twice — list each command once",
            "access.yaml:14:3: unknown key 'schedule' — the keys allowed here are namespace, serviceAccount, roleName, commands",
        ]);
    }

    [Fact]
    public void Parse_EmptyCommandList_IsAnError()
    {
        var result = AccessConfigParser.ParseAndValidate(Header + "automation:\n  commands: []\n", "access.yaml");

        result.Diagnostics.ShouldHaveSingleItem().ToString().ShouldStartWith("access.yaml:10:13: automation.commands is empty: the job would run nothing");
    }
}
