using System.Text.Json.Nodes;
using EksAccess.Core.Config;
using EksAccess.Core.Rendering;

namespace EksAccess.Core.Tests.Rendering;

/// <summary>The automation job's IAM policy: exactly the actions its commands call, on this cluster's resources.</summary>
public sealed class AutomationPolicyTests
{
    private static AccessConfig WithAutomation(params string[] commands) => TestConfigs.Seed000() with
    {
        Automation = new AutomationConfig { Commands = [.. commands] },
    };

    [Fact]
    public void Render_PruneAndVerify_MatchesGolden()
    {
        var policy = AutomationPolicy.Generate(WithAutomation("prune", "verify")).ShouldNotBeNull();

        policy.RelativePath.ShouldBe("iam/roles/eksaccess-automation/EksAccessAutomation.json");
        Golden.Verify(policy.Document + "\n", "Rendering", "automation.iam");
    }

    [Fact]
    public void Generate_VerifyOnly_ReadsOnly()
    {
        var document = JsonNode.Parse(AutomationPolicy.Generate(WithAutomation("verify"))!.Document)!;

        Actions(document).ShouldBe(["eks:DescribeCluster", "eks:ListAccessEntries", "eks:DescribeAccessEntry", "eks:ListAssociatedAccessPolicies"]);
    }

    [Fact]
    public void Generate_Prune_DeletesOnlyTaggedStandardEntriesOfThisCluster()
    {
        var document = JsonNode.Parse(AutomationPolicy.Generate(WithAutomation("prune"))!.Document)!;

        var delete = Statements(document).Single(s => Actions(s).Contains("eks:DeleteAccessEntry"));
        delete["Resource"]!.GetValue<string>().ShouldBe("arn:aws:eks:us-east-1:111122223333:access-entry/my-cluster/*");
        delete["Condition"]!["Null"]!["aws:ResourceTag/eksaccess.io/expires-at"]!.GetValue<string>().ShouldBe("false");
        delete["Condition"]!["StringEquals"]!["eks:accessEntryType"]!.GetValue<string>().ShouldBe("STANDARD");
        var untag = Statements(document).Single(s => Actions(s).Contains("eks:UntagResource"));
        untag["Condition"]!["ForAllValues:StringLike"]!["aws:TagKeys"]!.GetValue<string>().ShouldBe("eksaccess.io/*");
        Statements(document).ShouldAllBe(s => (s["Resource"] as JsonValue) == null || s["Resource"]!.GetValue<string>() != "*");
    }

    [Fact]
    public void Generate_NoAutomationSection_Nothing()
    {
        AutomationPolicy.Generate(TestConfigs.Seed000()).ShouldBeNull();
        new IamArtifactRenderer().Render(TestConfigs.Seed000(), new EksAccess.Core.Snapshots.ClusterSnapshot())
            .ShouldNotContain(f => f.RelativePath.Contains("EksAccessAutomation", StringComparison.Ordinal));
    }

    [Fact]
    public void IamFormat_WithAutomation_AddsTheRolePolicyFile()
    {
        var files = new IamArtifactRenderer().Render(WithAutomation("prune", "verify"), new EksAccess.Core.Snapshots.ClusterSnapshot());

        files.Select(f => f.RelativePath).ShouldContain("iam/roles/eksaccess-automation/EksAccessAutomation.json");
    }

    private static IEnumerable<JsonObject> Statements(JsonNode document) => document["Statement"]!.AsArray().Select(s => s!.AsObject());

    private static string[] Actions(JsonNode node) => node is JsonObject { } o && o.ContainsKey("Statement")
        ? [.. Statements(node).SelectMany(Actions)]
        : node["Action"] is JsonArray list ? [.. list.Select(a => a!.GetValue<string>())] : [node["Action"]!.GetValue<string>()];
}
