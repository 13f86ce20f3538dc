using EksAccess.Core.Authorization;
using static EksAccess.Core.Tests.Authorization.Rbac;

namespace EksAccess.Core.Tests.Authorization;

/// <summary>docs/reference/rbac-semantics.md §3, one test per bullet.</summary>
public sealed class RuleMatcherTests
{
    private static bool Allows(PolicyRule rule, AccessRequest request) => RuleMatcher.RuleAllows(rule, request);

    // verbs

    [Theory]
    [InlineData("get")]
    [InlineData("deletecollection")]
    [InlineData("impersonate")]
    [InlineData("*")]
    public void VerbMatches_RuleStar_MatchesAnyVerb(string verb)
    {
        RuleMatcher.VerbMatches(Rule([""], ["pods"], ["*"]), verb).ShouldBeTrue();
    }

    [Theory]
    [InlineData("update", "patch")]
    [InlineData("patch", "update")]
    [InlineData("get", "list")]
    [InlineData("get", "watch")]
    [InlineData("delete", "deletecollection")]
    [InlineData("list", "watch")]
    public void VerbMatches_OtherVerb_NoImplication(string granted, string requested)
    {
        RuleMatcher.VerbMatches(Rule([""], ["pods"], [granted]), requested).ShouldBeFalse();
    }

    [Fact]
    public void VerbMatches_UpperCaseRuleVerb_DoesNotMatchLowerCase()
    {
        RuleMatcher.VerbMatches(Rule([""], ["pods"], ["GET"]), "get").ShouldBeFalse();
    }

    [Fact]
    public void VerbMatches_RequestedStarAgainstEveryVerbListed_DoesNotMatch()
    {
        var everyVerb = Rule([""], ["pods"], ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]);

        RuleMatcher.VerbMatches(everyVerb, "*").ShouldBeFalse();
    }

    // apiGroups

    [Theory]
    [InlineData("")]
    [InlineData("apps")]
    [InlineData("example.com")]
    public void ApiGroupMatches_RuleStar_MatchesEveryGroupIncludingCore(string group)
    {
        RuleMatcher.ApiGroupMatches(Rule(["*"], ["pods"], ["get"]), group).ShouldBeTrue();
    }

    [Theory]
    [InlineData("core", "")]
    [InlineData("v1", "")]
    [InlineData("apps/v1", "apps")]
    [InlineData("*.k8s.io", "networking.k8s.io")]
    public void ApiGroupMatches_LiteralLookingLikePattern_MatchesNothingReal(string ruleGroup, string requestGroup)
    {
        RuleMatcher.ApiGroupMatches(Rule([ruleGroup], ["*"], ["*"]), requestGroup).ShouldBeFalse();
    }

    [Fact]
    public void ApiGroupMatches_RequestedStar_MatchesOnlyStarEntry()
    {
        RuleMatcher.ApiGroupMatches(Rule(["", "apps"], ["*"], ["*"]), "*").ShouldBeFalse();
        RuleMatcher.ApiGroupMatches(Rule(["*"], ["*"], ["*"]), "*").ShouldBeTrue();
    }

    // resources

    [Theory]
    [InlineData("pods", "")]
    [InlineData("pods", "log")]
    [InlineData("deployments", "scale")]
    [InlineData("*", "")]
    public void ResourceMatches_RuleStar_MatchesEveryResourceAndSubresource(string resource, string subresource)
    {
        RuleMatcher.ResourceMatches(Rule([""], ["*"], ["get"]), resource, subresource).ShouldBeTrue();
    }

    [Theory]
    [InlineData("log")]
    [InlineData("status")]
    [InlineData("exec")]
    public void ResourceMatches_ParentEntry_DoesNotCoverSubresource(string subresource)
    {
        RuleMatcher.ResourceMatches(Rule([""], ["pods"], ["get"]), "pods", subresource).ShouldBeFalse();
    }

    [Fact]
    public void ResourceMatches_SubresourceEntry_DoesNotCoverParent()
    {
        RuleMatcher.ResourceMatches(Rule([""], ["pods/log"], ["get"]), "pods", "").ShouldBeFalse();
        RuleMatcher.ResourceMatches(Rule([""], ["pods/log"], ["get"]), "pods", "log").ShouldBeTrue();
    }

    [Theory]
    [InlineData("deployments")]
    [InlineData("statefulsets")]
    [InlineData("widgets")]
    public void ResourceMatches_StarSlashSub_MatchesThatSubresourceOfAnyResource(string resource)
    {
        RuleMatcher.ResourceMatches(Rule(["*"], ["*/scale"], ["get"]), resource, "scale").ShouldBeTrue();
    }

    [Fact]
    public void ResourceMatches_StarSlashSub_NeverMatchesParentOrOtherSubresource()
    {
        var rule = Rule(["*"], ["*/scale"], ["get"]);

        RuleMatcher.ResourceMatches(rule, "deployments", "").ShouldBeFalse();
        RuleMatcher.ResourceMatches(rule, "deployments", "status").ShouldBeFalse();
        RuleMatcher.ResourceMatches(rule, "deployments", "scales").ShouldBeFalse();
    }

    [Fact]
    public void ResourceMatches_PodsSlashStar_IsNotASubresourceWildcard()
    {
        var rule = Rule([""], ["pods/*"], ["get"]);

        RuleMatcher.ResourceMatches(rule, "pods", "log").ShouldBeFalse();
        RuleMatcher.ResourceMatches(rule, "pods", "").ShouldBeFalse();
        RuleMatcher.ResourceMatches(rule, "pods", "*").ShouldBeTrue();
    }

    [Fact]
    public void ResourceMatches_StarSlashStar_MatchesOnlyLiteralStarSubresource()
    {
        var rule = Rule([""], ["*/*"], ["get"]);

        RuleMatcher.ResourceMatches(rule, "pods", "log").ShouldBeFalse();
        RuleMatcher.ResourceMatches(rule, "pods", "").ShouldBeFalse();
        RuleMatcher.ResourceMatches(rule, "pods", "*").ShouldBeTrue();
    }

    [Fact]
    public void ResourceMatches_ResourceDotGroupEntry_IsALiteral()
    {
        var rule = Rule(["apps"], ["deployments.apps"], ["get"]);

        Allows(rule, Request("get", "deployments", "dev", group: "apps")).ShouldBeFalse();
    }

    [Fact]
    public void RuleAllows_ListsAreACrossProduct_PodsInAppsAllowed()
    {
        var rule = Rule(["", "apps"], ["pods", "deployments"], ["get"]);

        Allows(rule, Request("get", "pods", "dev", group: "apps")).ShouldBeTrue();
        Allows(rule, Request("get", "deployments", "dev", group: "")).ShouldBeTrue();
    }

    [Fact]
    public void ResourceMatches_CaseDiffers_DoesNotMatch()
    {
        RuleMatcher.ResourceMatches(Rule([""], ["Pods"], ["get"]), "pods", "").ShouldBeFalse();
    }

    // resourceNames

    [Fact]
    public void ResourceNameMatches_EmptyNames_MatchesEveryNameAndNameless()
    {
        var rule = Rule([""], ["pods"], ["get", "list"]);

        RuleMatcher.ResourceNameMatches(rule, "web-0").ShouldBeTrue();
        RuleMatcher.ResourceNameMatches(rule, "").ShouldBeTrue();
    }

    [Fact]
    public void ResourceNameMatches_ListedName_MatchesOnlyThatName()
    {
        var rule = Rule([""], ["configmaps"], ["get"], ["app-config"]);

        Allows(rule, Request("get", "configmaps", "dev", name: "app-config")).ShouldBeTrue();
        Allows(rule, Request("get", "configmaps", "dev", name: "other")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("create")]
    [InlineData("list")]
    [InlineData("watch")]
    [InlineData("deletecollection")]
    public void RuleAllows_ResourceNamesAndNamelessRequest_Denied(string verb)
    {
        var rule = Rule([""], ["configmaps"], [verb], ["app-config"]);

        Allows(rule, Request(verb, "configmaps", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void RuleAllows_ListWithMetadataNameSelector_CarriesTheName()
    {
        var rule = Rule([""], ["configmaps"], ["list", "watch"], ["app-config"]);

        Allows(rule, Request("list", "configmaps", "dev", name: "app-config")).ShouldBeTrue();
        Allows(rule, Request("watch", "configmaps", "dev", name: "app-config")).ShouldBeTrue();
    }

    [Fact]
    public void RuleAllows_CreateOnSubresourceNamesParent_ResourceNamesWork()
    {
        var rule = Rule([""], ["pods/exec"], ["create"], ["debug-pod"]);

        Allows(rule, Request("create", "pods", "dev", subresource: "exec", name: "debug-pod")).ShouldBeTrue();
        Allows(rule, Request("create", "pods", "dev", subresource: "exec", name: "web-0")).ShouldBeFalse();
    }

    [Fact]
    public void ResourceNameMatches_EmptyStringEntry_MatchesNamelessRequestLikeUpstream()
    {
        // Upstream compares strings only; validation does not forbid "" in resourceNames (docs/decisions).
        RuleMatcher.ResourceNameMatches(Rule([""], ["pods"], ["list"], [""]), "").ShouldBeTrue();
    }

    // nonResourceURLs

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/")]
    [InlineData("/apis/apps/v1")]
    public void NonResourceUrlMatches_Star_MatchesEveryPath(string path)
    {
        RuleMatcher.NonResourceUrlMatches(PathRule(["*"], ["get"]), path).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/apis/", true)]
    [InlineData("/apis/v1", true)]
    [InlineData("/apis", false)]
    public void NonResourceUrlMatches_TrailingStar_IsAPrefix(string path, bool expected)
    {
        RuleMatcher.NonResourceUrlMatches(PathRule(["/apis/*"], ["get"]), path).ShouldBe(expected);
    }

    [Theory]
    [InlineData("/healthz", true)]
    [InlineData("/healthz/", false)]
    [InlineData("/healthz/etcd", false)]
    public void NonResourceUrlMatches_NoStar_IsExact(string path, bool expected)
    {
        RuleMatcher.NonResourceUrlMatches(PathRule(["/healthz"], ["get"]), path).ShouldBe(expected);
    }

    [Theory]
    [InlineData("/logs")]
    [InlineData("/logs/x")]
    [InlineData("/logsfoo")]
    public void NonResourceUrlMatches_StarAfterNoSlash_MatchesAnySuffix(string path)
    {
        RuleMatcher.NonResourceUrlMatches(PathRule(["/logs*"], ["get"]), path).ShouldBeTrue();
    }

    [Fact]
    public void NonResourceUrlMatches_StarInTheMiddle_IsLiteral()
    {
        var rule = PathRule(["/apis/*/v1"], ["get"]);

        RuleMatcher.NonResourceUrlMatches(rule, "/apis/apps/v1").ShouldBeFalse();
        RuleMatcher.NonResourceUrlMatches(rule, "/apis/*/v1").ShouldBeTrue();
    }

    [Fact]
    public void NonResourceUrlMatches_SeveralTrailingStars_AllTrimmed()
    {
        RuleMatcher.NonResourceUrlMatches(PathRule(["/metrics**"], ["get"]), "/metrics/x").ShouldBeTrue();
    }

    [Fact]
    public void RuleAllows_PathOnlyRule_NeverAllowsResourceRequest()
    {
        Allows(PathRule(["*"], ["*"]), Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void RuleAllows_ResourceRule_NeverAllowsPath()
    {
        Allows(Rule(["*"], ["*"], ["*"]), Path("get", "/healthz")).ShouldBeFalse();
    }

    [Fact]
    public void RuleAllows_PathRuleWithVerb_ChecksVerbToo()
    {
        var rule = PathRule(["/healthz"], ["get"]);

        Allows(rule, Path("get", "/healthz")).ShouldBeTrue();
        Allows(rule, Path("post", "/healthz")).ShouldBeFalse();
    }
}
