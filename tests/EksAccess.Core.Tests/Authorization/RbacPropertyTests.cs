using EksAccess.Core.Authorization;
using FsCheck.Xunit;

namespace EksAccess.Core.Tests.Authorization;

/// <summary>Properties of RBAC evaluation over random small worlds (RbacGenerators).</summary>
public sealed class RbacPropertyTests
{
    [Property(Arbitrary = [typeof(RbacArbitraries)], MaxTest = 2000)]
    public void Indexed_AgreesWithReference(RbacCase c)
    {
        var indexed = c.World.Indexed();
        var reference = c.World.Reference();

        var fast = indexed.Authorize(c.User, c.Request);
        var slow = reference.Authorize(c.User, c.Request);

        fast.Allowed.ShouldBe(slow.Allowed);
        fast.Reason.ShouldBe(slow.Reason);
        fast.Notes.ShouldBe(slow.Notes);
        indexed.RulesFor(c.User, c.Request.Namespace).ShouldBe(reference.RulesFor(c.User, c.Request.Namespace));
        indexed.SubjectsAllowed(c.Request).ShouldBe(reference.SubjectsAllowed(c.Request));
    }

    [Property(Arbitrary = [typeof(RbacArbitraries)], MaxTest = 500)]
    public bool AddingABinding_NeverRemovesAccess(RbacCaseWithExtraBinding c)
    {
        var world = c.Case.World;
        var grown = world with
        {
            RoleBindings = c.ExtraRoleBinding is null ? world.RoleBindings : world.RoleBindings.Add(c.ExtraRoleBinding),
            ClusterRoleBindings = c.ExtraClusterRoleBinding is null ? world.ClusterRoleBindings : world.ClusterRoleBindings.Add(c.ExtraClusterRoleBinding),
        };

        var before = world.Indexed().Authorize(c.Case.User, c.Case.Request).Allowed;
        var after = grown.Indexed().Authorize(c.Case.User, c.Case.Request).Allowed;

        return !before || after;
    }

    [Property(Arbitrary = [typeof(RbacArbitraries)], MaxTest = 500)]
    public bool AddingARule_NeverRemovesAccess(RbacCase c, RuleCase extra)
    {
        var world = c.World;
        if (world.ClusterRoles.IsEmpty)
        {
            return true;
        }

        var target = world.ClusterRoles[0];
        var grown = world with { ClusterRoles = world.ClusterRoles.SetItem(0, target with { Rules = target.Rules.Add(extra.Rule) }) };

        var before = world.Indexed().Authorize(c.User, c.Request).Allowed;
        var after = grown.Indexed().Authorize(c.User, c.Request).Allowed;

        return !before || after;
    }

    [Property(Arbitrary = [typeof(RbacArbitraries)], MaxTest = 500)]
    public bool RoleBinding_NeverGrantsOutsideItsNamespace(RbacCase c)
    {
        var world = c.World with { ClusterRoleBindings = [] };
        var authorizer = world.Indexed();

        var decision = authorizer.Authorize(c.User, c.Request);

        var consultedNamespace = c.Request.Path is null ? c.Request.Namespace : "";
        if (!decision.Allowed)
        {
            return true;
        }

        var reason = (RbacReason)decision.Reason!;
        return consultedNamespace.Length > 0
            && string.Equals(reason.BindingNamespace, consultedNamespace, StringComparison.Ordinal)
            && world.RoleBindings.Any(b => string.Equals(b.Namespace, consultedNamespace, StringComparison.Ordinal));
    }

    [Property(Arbitrary = [typeof(RbacArbitraries)], MaxTest = 500)]
    public bool RoleBinding_NeverGrantsClusterScopeOrPaths(RbacCase c)
    {
        var world = c.World with { ClusterRoleBindings = [] };
        var clusterScoped = c.Request.Path is null ? c.Request with { Namespace = "" } : c.Request;

        return !world.Indexed().Authorize(c.User, clusterScoped).Allowed;
    }

    [Property(Arbitrary = [typeof(RbacArbitraries)], MaxTest = 1000)]
    public bool StarVerb_AllowsEveryVerb(RuleCase c)
    {
        var request = c.Request with { Verb = c.Verb };
        var star = c.Rule with { Verbs = ["*"] };
        var exact = c.Rule with { Verbs = [c.Verb] };

        return RuleMatcher.RuleAllows(star, request) == RuleMatcher.RuleAllows(exact, request);
    }
}
