using EksAccess.Core.Authorization;
using EksAccess.Core.Rightsizing;

namespace EksAccess.Core.Tests.Rightsizing;

public sealed class RightsizerTests
{
    private static readonly RightsizeSubject DevTeam = new() { Name = "dev-team", Groups = ["dev-team"], PrincipalArns = ["arn:aws:iam::111122223333:user/dev-john", "arn:aws:iam::111122223333:role/EKSDeveloperRole"] };
    private static readonly RightsizeSubject K8sDevs = new() { Name = "k8s-devs", Groups = ["k8s-devs"] };

    [Fact]
    public void Analyze_DeveloperUsingPodsDeploymentsLogs_SuggestionDropsSecretsAndExec()
    {
        var report = RightsizeFixture.Run("000-developer-access", DevTeam, "dev-team-000.log");

        var role = report.Suggestion.Roles.ShouldHaveSingleItem();
        role.Namespace.ShouldBe("dev-apps");
        var rules = role.Rules.Select(Describe).ToList();
        rules.ShouldBe(["|pods|get,list", "|pods/log|get", "apps|deployments|list,create,patch"], ignoreOrder: true);
        report.Suggestion.ClusterRoles.ShouldHaveSingleItem().Rules.Select(Describe).ShouldBe(["|nodes|list"]);
        report.Suggestion.RoleBindings.ShouldHaveSingleItem().Subjects.ShouldBe([new Subject(Subject.GroupKind, "dev-team")]);
        report.Proof.Ok.ShouldBeTrue(string.Join("\n", report.Proof.Failures));
        report.Proof.StillAllowed.ShouldBe(report.Proof.Replayed);
        var denied = report.Proof.NowDenied.Select(r => r.ToString()).ToList();
        denied.ShouldContain("get secrets -n dev-apps");
        denied.ShouldContain("create pods --subresource=exec -n dev-apps");
        denied.ShouldContain("get pods --subresource=exec -n dev-apps");
        report.CouldTighten.ShouldBeTrue();
    }

    [Fact]
    public void Analyze_EditPolicyCoveringWritesAndSecrets_ReplacedWithRbacAndRoleShadowed()
    {
        var report = RightsizeFixture.Run("000-developer-access", DevTeam, "dev-team-000.log");

        var edit = report.Suggestion.PolicyRecommendations.Where(r => r.Current.PolicyArn.EndsWith("AmazonEKSEditPolicy", StringComparison.Ordinal)).ToList();
        edit.ShouldNotBeEmpty();
        edit.ShouldAllBe(r => r.Action == PolicyRecommendation.ReplaceWithRbac || r.Action == PolicyRecommendation.Remove);
        var developerRole = report.Grants.First(g => g.Kind == GrantUsage.RbacKind && g.Role == "Role \"developer-role\"" && g.RuleIndex == 0);
        developerRole.Status.ShouldBe(GrantStatus.PartlyUsed);
        developerRole.UnusedParts.ShouldContain(p => p.StartsWith("resources:", StringComparison.Ordinal) && p.Contains("secrets", StringComparison.Ordinal) && p.Contains("pods/exec", StringComparison.Ordinal));
        developerRole.ShadowedBy.ShouldNotBeNull().ShouldContain("AmazonEKSEditPolicy");
        report.Grants.First(g => g.Role == "Role \"developer-role\"" && g.RuleIndex == 3).Status.ShouldBe(GrantStatus.Unused);
    }

    [Fact]
    public void Analyze_DeniedRequests_ListedUncoveredNeverGranted()
    {
        var report = RightsizeFixture.Run("000-developer-access", DevTeam, "dev-team-000.log");

        var uncovered = report.Uncovered.ShouldHaveSingleItem();
        uncovered.Request.ToString().ShouldBe("list pods -n kube-system");
        uncovered.Count.ShouldBe(14);
        report.Suggestion.Roles.ShouldAllBe(r => r.Namespace != "kube-system");
    }

    [Fact]
    public void Analyze_DiscoveryAndBasicUser_NotRegranted()
    {
        var report = RightsizeFixture.Run("000-developer-access", DevTeam, "dev-team-000.log");

        var all = report.Suggestion.Roles.SelectMany(r => r.Rules).Concat(report.Suggestion.ClusterRoles.SelectMany(r => r.Rules)).ToList();
        all.ShouldNotContain(r => !r.NonResourceUrls.IsEmpty);
        all.ShouldNotContain(r => r.Resources.Contains("selfsubjectaccessreviews"));
        report.Proof.Replayed.ShouldBe(report.Events - 14);
    }

    [Fact]
    public void Analyze_FullAccessInThreeNamespacesUsedInDev_ScopedToDev()
    {
        var report = RightsizeFixture.Run("001-role-based-access", K8sDevs, "k8s-devs-001.log");

        report.Suggestion.Roles.ShouldHaveSingleItem().Namespace.ShouldBe("dev");
        report.Suggestion.RoleBindings.ShouldHaveSingleItem().Namespace.ShouldBe("dev");
        report.Suggestion.ClusterRoles.ShouldBeEmpty();
        report.Suggestion.Roles[0].Rules.ShouldAllBe(r => !r.Verbs.Contains("*") && !r.Resources.Contains("*"));
        report.Grants.Where(g => g.Binding.Contains("/prod", StringComparison.Ordinal) || g.Binding.Contains("/uat", StringComparison.Ordinal)).ShouldAllBe(g => g.Status == GrantStatus.Unused);
        report.Grants.First(g => g.Binding == "RoleBinding \"dev-role-binding/dev\"" && g.RuleIndex == 0).Status.ShouldBe(GrantStatus.PartlyUsed);
        report.Proof.Ok.ShouldBeTrue(string.Join("\n", report.Proof.Failures));
        report.Proof.NowDenied.Select(r => r.ToString()).ShouldContain("get secrets -n prod");
        report.Proof.NowDenied.ShouldContain(r => r.Verb == SensitivePermissions.WildcardVerb && r.Namespace == "dev");
    }

    [Fact]
    public void Analyze_ShortWindow_UnusedReportedAsNotEnoughData()
    {
        var window = RightsizeFixture.TwoWeeks with { Since = RightsizeFixture.TwoWeeks.Until.AddDays(-3) };

        var report = RightsizeFixture.Run("001-role-based-access", K8sDevs, "k8s-devs-001.log", window);

        report.EnoughData.ShouldBeFalse();
        report.Grants.ShouldContain(g => g.Status == GrantStatus.NotEnoughData);
        report.Grants.ShouldNotContain(g => g.Status == GrantStatus.Unused);
        report.CouldTighten.ShouldBeFalse();
    }

    [Fact]
    public void Analyze_FewerRequestsThanMinimum_NotEnoughData()
    {
        var report = RightsizeFixture.Run("001-role-based-access", K8sDevs, "k8s-devs-001.log", minRequests: 1000);

        report.EnoughData.ShouldBeFalse();
        report.Grants.ShouldNotContain(g => g.Status == GrantStatus.Unused);
    }

    private static string Describe(PolicyRule rule) =>
        $"{string.Join(',', rule.ApiGroups)}|{string.Join(',', rule.Resources)}|{string.Join(',', rule.Verbs)}" + (rule.ResourceNames.IsEmpty ? "" : "|" + string.Join(',', rule.ResourceNames));
}
