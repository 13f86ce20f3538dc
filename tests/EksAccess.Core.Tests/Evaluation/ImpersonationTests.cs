using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Tests.Evaluation;

public sealed class ImpersonationTests
{
    [Fact]
    public void BuildUser_PlainUser_AddsAuthenticated()
    {
        Impersonation.BuildUser("dev-john", ["dev-team"]).Groups.ShouldBe(["dev-team", "system:authenticated"]);
    }

    [Fact]
    public void BuildUser_ServiceAccountWithoutGroups_GetsBothServiceAccountGroups()
    {
        var user = Impersonation.BuildUser("system:serviceaccount:ci:builder", []);

        user.Groups.ShouldBe(["system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated"]);
    }

    [Fact]
    public void BuildUser_ServiceAccountWithAsGroup_GetsOnlyThatGroupAndAuthenticated()
    {
        Impersonation.BuildUser("system:serviceaccount:ci:builder", ["deployers"]).Groups.ShouldBe(["deployers", "system:authenticated"]);
    }

    [Fact]
    public void BuildUser_Anonymous_GetsUnauthenticatedOnly()
    {
        Impersonation.BuildUser("system:anonymous", []).Groups.ShouldBe(["system:unauthenticated"]);
    }

    [Fact]
    public void BuildUser_UnauthenticatedListed_DoesNotAddAuthenticated()
    {
        Impersonation.BuildUser("x", ["system:unauthenticated"]).Groups.ShouldBe(["system:unauthenticated"]);
    }

    [Theory]
    [InlineData("system:serviceaccount:ns", false)]
    [InlineData("system:serviceaccount::name", false)]
    [InlineData("system:serviceaccount:ns:", false)]
    [InlineData("system:serviceaccount:ns:a:b", false)]
    [InlineData("system:serviceaccount:ns:name", true)]
    public void TrySplitServiceAccount_Shapes_MatchSplitUsername(string user, bool expected)
    {
        Impersonation.TrySplitServiceAccount(user, out _).ShouldBe(expected);
    }
}
