using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using static EksAccess.Core.Tests.Authorization.Rbac;

namespace EksAccess.Core.Tests.Authorization;

public sealed class ClusterRoleAggregatorTests
{
    private const string ToView = "rbac.authorization.k8s.io/aggregate-to-view";
    private const string ToEdit = "rbac.authorization.k8s.io/aggregate-to-edit";
    private const string ToAdmin = "rbac.authorization.k8s.io/aggregate-to-admin";

    private static ImmutableDictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToImmutableDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    private static LabelSelector Selector(params (string Key, string Value)[] labels) => new(Labels(labels), []);

    private static LabelSelector Expression(string key, string op, params string[] values) =>
        new(ImmutableDictionary<string, string>.Empty, [new LabelSelectorRequirement(key, op, [.. values])]);

    private static ClusterRole Aggregated(string name, params LabelSelector[] selectors) =>
        new(name, []) { AggregationRule = new AggregationRule([.. selectors]) };

    private static ClusterRole Labelled(string name, ImmutableDictionary<string, string> labels, params PolicyRule[] rules) =>
        new(name, [.. rules]) { Labels = labels };

    private static ClusterRole Named(ImmutableArray<ClusterRole> roles, string name) => roles.Single(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    private static ClusterRole DefaultRole(string name) => DefaultRbac.ClusterRoles.Single(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    [Fact]
    public void Aggregate_DefaultRoles_ReproducesTheReferenceRulesExactly()
    {
        var emptied = DefaultRbac.ClusterRoles.Select(r => r.AggregationRule is null ? r : r with { Rules = [] }).ToList();

        var aggregated = ClusterRoleAggregator.Aggregate(emptied);

        foreach (var name in new[] { "view", "edit", "admin" })
        {
            Named(aggregated, name).Rules.ShouldBe(DefaultRole(name).Rules, PolicyRuleComparer.Instance, ignoreOrder: false);
        }
    }

    [Fact]
    public void Aggregate_ViewEditAdminChain_Converges()
    {
        var emptied = DefaultRbac.ClusterRoles.Select(r => r.AggregationRule is null ? r : r with { Rules = [] }).ToList();
        var aggregateToView = DefaultRole("system:aggregate-to-view").Rules;

        var aggregated = ClusterRoleAggregator.Aggregate(emptied);

        Named(aggregated, "view").Rules.ShouldBe(aggregateToView, PolicyRuleComparer.Instance, ignoreOrder: false);
        Named(aggregated, "edit").Rules.ShouldBe(
            [.. DefaultRole("system:aggregate-to-edit").Rules, .. aggregateToView.Where(r => !DefaultRole("system:aggregate-to-edit").Rules.Contains(r, PolicyRuleComparer.Instance))],
            PolicyRuleComparer.Instance,
            ignoreOrder: false);
        Named(aggregated, "admin").Rules.Take(Named(aggregated, "edit").Rules.Length).ShouldBe(Named(aggregated, "edit").Rules, PolicyRuleComparer.Instance, ignoreOrder: false);
    }

    [Fact]
    public void Aggregate_UserRoleLabelledAggregateToEdit_AppearsInEditAndAdminNotView()
    {
        var crdRule = Rule(["example.com"], ["widgets"], ["*"]);
        var roles = DefaultRbac.ClusterRoles.Add(Labelled("widgets-edit", Labels((ToEdit, "true")), crdRule));

        var aggregated = ClusterRoleAggregator.Aggregate(roles);

        Named(aggregated, "edit").Rules.ShouldContain(crdRule);
        Named(aggregated, "admin").Rules.ShouldContain(crdRule);
        Named(aggregated, "view").Rules.ShouldNotContain(crdRule);
    }

    [Fact]
    public void Aggregate_UserRoleLabelledAggregateToView_AppearsInViewEditAndAdmin()
    {
        var crdRule = Rule(["example.com"], ["widgets"], ["get"]);
        var roles = DefaultRbac.ClusterRoles.Add(Labelled("widgets-view", Labels((ToView, "true")), crdRule));

        var aggregated = ClusterRoleAggregator.Aggregate(roles);

        Named(aggregated, "view").Rules.ShouldContain(crdRule);
        Named(aggregated, "edit").Rules.ShouldContain(crdRule);
        Named(aggregated, "admin").Rules.ShouldContain(crdRule);
    }

    [Fact]
    public void Aggregate_SourcesInAscendingOrdinalNameOrder_IdenticalRulesOnce()
    {
        var a = Rule([""], ["pods"], ["get"]);
        var b = Rule([""], ["secrets"], ["get"]);
        var roles = new[]
        {
            Aggregated("agg", Selector(("x", "1"))),
            Labelled("zeta", Labels(("x", "1")), b, a),
            Labelled("Alpha", Labels(("x", "1")), a),
            Labelled("alpha", Labels(("x", "1")), Rule([""], ["pods"], ["get"])),
        };

        var rules = Named(ClusterRoleAggregator.Aggregate(roles), "agg").Rules;

        rules.ShouldBe([a, b], PolicyRuleComparer.Instance, ignoreOrder: false);
        rules.Length.ShouldBe(2);
    }

    [Fact]
    public void Aggregate_SelectorsInOrder_FirstSelectorsRolesFirst()
    {
        var a = Rule([""], ["pods"], ["get"]);
        var b = Rule([""], ["secrets"], ["get"]);
        var roles = new[]
        {
            Aggregated("agg", Selector(("sel", "second")), Selector(("sel", "first"))),
            Labelled("a-role", Labels(("sel", "first")), a),
            Labelled("b-role", Labels(("sel", "second")), b),
        };

        Named(ClusterRoleAggregator.Aggregate(roles), "agg").Rules.ShouldBe([b, a]);
    }

    [Fact]
    public void Aggregate_OwnRules_AreReplaced()
    {
        var typed = Rule(["*"], ["*"], ["*"]);
        var roles = new[] { Aggregated("agg", Selector(("x", "1"))) with { Rules = [typed] } };

        Named(ClusterRoleAggregator.Aggregate(roles), "agg").Rules.ShouldBeEmpty();
    }

    [Fact]
    public void Aggregate_RoleMatchingItsOwnSelector_IsNotItsOwnSource()
    {
        var own = Rule([""], ["pods"], ["get"]);
        var roles = new[] { Aggregated("agg", Selector(("x", "1"))) with { Labels = Labels(("x", "1")), Rules = [own] } };

        Named(ClusterRoleAggregator.Aggregate(roles), "agg").Rules.ShouldBeEmpty();
    }

    [Fact]
    public void Aggregate_Cycle_Terminates()
    {
        var a = Rule([""], ["pods"], ["get"]);
        var b = Rule([""], ["secrets"], ["get"]);
        var roles = new[]
        {
            Aggregated("a", Selector(("b", "1"))) with { Labels = Labels(("a", "1")), Rules = [a] },
            Aggregated("b", Selector(("a", "1"))) with { Labels = Labels(("b", "1")), Rules = [b] },
        };

        var aggregated = ClusterRoleAggregator.Aggregate(roles);

        // Syncing in name order: a takes b's rules, then b takes a's (now b's) rules.
        Named(aggregated, "a").Rules.ShouldBe([b]);
        Named(aggregated, "b").Rules.ShouldBe([b]);
    }

    [Fact]
    public void Aggregate_EmptySelector_MatchesEveryOtherRole()
    {
        var a = Rule([""], ["pods"], ["get"]);
        var roles = new[] { Aggregated("agg", Selector()), ClusterRole("plain", a) };

        Named(ClusterRoleAggregator.Aggregate(roles), "agg").Rules.ShouldBe([a]);
    }

    [Fact]
    public void Aggregate_InvalidSelector_KeepsTheRulesItHad()
    {
        var kept = Rule([""], ["pods"], ["get"]);
        var roles = new[]
        {
            Aggregated("agg", Expression("x", "In")) with { Rules = [kept] },
            Labelled("src", Labels(("x", "1")), Rule([""], ["secrets"], ["get"])),
        };

        Named(ClusterRoleAggregator.Aggregate(roles), "agg").Rules.ShouldBe([kept]);
    }

    [Fact]
    public void Aggregate_RolesWithoutAggregationRule_Unchanged()
    {
        var roles = DefaultRbac.ClusterRoles.Where(r => r.AggregationRule is null).ToList();

        ClusterRoleAggregator.Aggregate(roles).ShouldBe(roles);
    }

    [Theory]
    [InlineData("In", "1", true)]
    [InlineData("In", "2", false)]
    [InlineData("NotIn", "2", true)]
    [InlineData("NotIn", "1", false)]
    [InlineData("Exists", null, true)]
    [InlineData("DoesNotExist", null, false)]
    public void SelectorMatches_Expressions_LabelPresent(string op, string? value, bool expected)
    {
        var selector = value is null ? Expression("x", op) : Expression("x", op, value);

        ClusterRoleAggregator.SelectorMatches(selector, Labels(("x", "1"))).ShouldBe(expected);
    }

    [Theory]
    [InlineData("In", "1", false)]
    [InlineData("NotIn", "1", true)]
    [InlineData("Exists", null, false)]
    [InlineData("DoesNotExist", null, true)]
    public void SelectorMatches_Expressions_LabelAbsent(string op, string? value, bool expected)
    {
        var selector = value is null ? Expression("x", op) : Expression("x", op, value);

        ClusterRoleAggregator.SelectorMatches(selector, Labels(("y", "1"))).ShouldBe(expected);
    }

    [Fact]
    public void SelectorMatches_MatchLabels_AllMustMatch()
    {
        var selector = Selector(("a", "1"), ("b", "2"));

        ClusterRoleAggregator.SelectorMatches(selector, Labels(("a", "1"), ("b", "2"), ("c", "3"))).ShouldBeTrue();
        ClusterRoleAggregator.SelectorMatches(selector, Labels(("a", "1"))).ShouldBeFalse();
        ClusterRoleAggregator.SelectorMatches(selector, Labels(("a", "1"), ("b", "3"))).ShouldBeFalse();
    }

    [Fact]
    public void SelectorMatches_AggregateLabelValueIsCaseSensitive()
    {
        ClusterRoleAggregator.SelectorMatches(Selector((ToAdmin, "true")), Labels((ToAdmin, "True"))).ShouldBeFalse();
    }
}
