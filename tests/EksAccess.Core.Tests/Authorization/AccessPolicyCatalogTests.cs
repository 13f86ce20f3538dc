using EksAccess.Core.Authorization;

namespace EksAccess.Core.Tests.Authorization;

public sealed class AccessPolicyCatalogTests
{
    [Fact]
    public void All_HoldsEveryPolicyOfTheReferenceFile()
    {
        AccessPolicyCatalog.All.Count.ShouldBe(34);
        AccessPolicyCatalog.All.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count().ShouldBe(34);
    }

    [Theory]
    [InlineData("AmazonEKSClusterAdminPolicy", 2)]
    [InlineData("AmazonEKSAdminViewPolicy", 1)]
    [InlineData("AmazonEKSViewPolicy", 10)]
    [InlineData("AmazonEKSSecretReaderPolicy", 1)]
    [InlineData("AmazonARCRegionSwitchScalingPolicy", 3)]
    public void TryGet_PublishedPolicy_HasItsRules(string name, int ruleCount)
    {
        AccessPolicyCatalog.TryGet(name, out var policy).ShouldBeTrue();

        policy.RulesPublished.ShouldBeTrue();
        policy.Rules.Length.ShouldBe(ruleCount);
    }

    [Theory]
    [InlineData("AmazonEKSAutoNodePolicy")]
    [InlineData("AmazonEKSEventPolicy")]
    [InlineData("AmazonEKSSecretAdminPolicy")]
    [InlineData("AmazonEKSClusterInsightsPolicy")]
    public void TryGet_UnpublishedPolicy_GrantsNothing(string name)
    {
        AccessPolicyCatalog.TryGet(name, out var policy).ShouldBeTrue();

        policy.RulesPublished.ShouldBeFalse();
        policy.Rules.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy")]
    [InlineData("arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSEditPolicy")]
    [InlineData("arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSEditPolicy")]
    [InlineData("AmazonEKSEditPolicy")]
    public void TryGet_ByNameOrArnOfAnyPartition_Found(string nameOrArn)
    {
        AccessPolicyCatalog.TryGet(nameOrArn, out var policy).ShouldBeTrue();

        policy.Name.ShouldBe("AmazonEKSEditPolicy");
    }

    [Theory]
    [InlineData("amazoneksEditPolicy")]
    [InlineData("arn:aws:iam::aws:policy/AmazonEKSEditPolicy")]
    [InlineData("AmazonEKSNoSuchPolicy")]
    public void TryGet_UnknownOrWrongArn_NotFound(string nameOrArn)
    {
        AccessPolicyCatalog.TryGet(nameOrArn, out _).ShouldBeFalse();
    }

    [Fact]
    public void CustomerAssociable_FollowsTheReference()
    {
        AccessPolicyCatalog.TryGet("AmazonEKSHybridPolicy", out var hybrid).ShouldBeTrue();
        AccessPolicyCatalog.TryGet("AmazonEKSViewPolicy", out var view).ShouldBeTrue();

        hybrid.CustomerAssociable.ShouldBeFalse();
        view.CustomerAssociable.ShouldBeTrue();
    }
}
