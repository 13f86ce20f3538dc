using EksAccess.Core.Authorization;
using static EksAccess.Core.Tests.Authorization.Rbac;

namespace EksAccess.Core.Tests.Authorization;

/// <summary>docs/reference/rbac-semantics.md §2, §4, §5 and the §10 pitfalls; every case runs the indexed and the reference authorizer.</summary>
public sealed class RbacAuthorizerTests
{
    private static readonly PolicyRule ReadPods = Rule([""], ["pods"], ["get", "list", "watch"]);
    private static readonly PolicyRule Everything = Rule(["*"], ["*"], ["*"]);
    private static readonly UserInfo Alice = UserOf("alice", "dev-team", "system:authenticated");

    // §2 the decision procedure

    [Fact]
    public void Authorize_NoBindings_Denied()
    {
        var decision = new Snapshot().With(ClusterRole("reader", ReadPods)).Authorize(Alice, Request("get", "pods", "dev"));

        decision.Allowed.ShouldBeFalse();
        decision.Reason.ShouldBeNull();
        decision.Explain().ShouldBe("no RBAC binding or access policy allows it");
    }

    [Fact]
    public void Authorize_SeveralSubjectsMatch_ReasonNamesTheFirstMatchingSubject()
    {
        var snapshot = new Snapshot().With(
            ClusterRole("reader", ReadPods),
            RoleBinding("dev", "rb", ToClusterRole("reader"), User("bob"), Group("dev-team"), User("alice")));

        var decision = snapshot.Authorize(Alice, Request("get", "pods", "dev"));

        var reason = decision.Reason.ShouldBeOfType<RbacReason>();
        reason.Subject.ShouldBe(Group("dev-team"));
    }

    [Fact]
    public void Authorize_MissingRoleBeforeAllowingBinding_WalkContinuesAndNotes()
    {
        var snapshot = new Snapshot().With(
            ClusterRoleBinding("broken", ToClusterRole("does-not-exist"), User("alice")),
            ClusterRole("reader", ReadPods),
            ClusterRoleBinding("works", ToClusterRole("reader"), User("alice")));

        var decision = snapshot.Authorize(Alice, Request("get", "pods", "dev"));

        decision.Allowed.ShouldBeTrue();
        decision.Notes.ShouldBe(["ClusterRoleBinding broken refers to missing ClusterRole does-not-exist"]);
    }

    [Fact]
    public void Authorize_GrantsFromSeveralBindings_AreAUnion()
    {
        var snapshot = new Snapshot().With(
            Role("dev", "pods", ReadPods),
            Role("dev", "cms", Rule([""], ["configmaps"], ["get"])),
            RoleBinding("dev", "a", ToRole("pods"), User("alice")),
            RoleBinding("dev", "b", ToRole("cms"), Group("dev-team")));

        snapshot.Allows(Alice, Request("get", "pods", "dev")).ShouldBeTrue();
        snapshot.Allows(Alice, Request("get", "configmaps", "dev")).ShouldBeTrue();
        snapshot.Allows(Alice, Request("delete", "configmaps", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_FirstMatchingRule_IsReportedWithItsIndex()
    {
        var snapshot = new Snapshot().With(
            ClusterRole("r", Rule([""], ["secrets"], ["get"]), ReadPods, Everything),
            ClusterRoleBinding("crb", ToClusterRole("r"), User("alice")));

        var reason = snapshot.Authorize(Alice, Request("list", "pods", "dev")).Reason.ShouldBeOfType<RbacReason>();

        reason.RuleIndex.ShouldBe(1);
        reason.Rule.ShouldBeSameAs(ReadPods);
    }

    // §4 bindings and scope

    [Theory]
    [InlineData("dev", "pods")]
    [InlineData("prod", "pods")]
    [InlineData("", "pods")]
    [InlineData("", "nodes")]
    public void Authorize_ClusterRoleBinding_GrantsEverywhere(string ns, string resource)
    {
        var snapshot = new Snapshot().With(ClusterRole("all", Everything), ClusterRoleBinding("crb", ToClusterRole("all"), User("alice")));

        snapshot.Allows(Alice, Request("list", resource, ns)).ShouldBeTrue();
    }

    [Fact]
    public void Authorize_ClusterRoleBinding_GrantsNonResourcePaths()
    {
        var snapshot = new Snapshot().With(
            ClusterRole("health", PathRule(["/healthz"], ["get"])),
            ClusterRoleBinding("crb", ToClusterRole("health"), User("alice")));

        snapshot.Allows(Alice, Path("get", "/healthz")).ShouldBeTrue();
    }

    [Fact]
    public void Authorize_RoleBindingToClusterRole_GrantsOnlyInItsNamespace()
    {
        var snapshot = new Snapshot().With(ClusterRole("admin-all", Everything, PathRule(["*"], ["*"])), RoleBinding("dev", "rb", ToClusterRole("admin-all"), User("alice")));

        snapshot.Allows(Alice, Request("delete", "pods", "dev")).ShouldBeTrue();
        snapshot.Allows(Alice, Request("delete", "pods", "prod")).ShouldBeFalse();
        snapshot.Allows(Alice, Request("list", "pods", "")).ShouldBeFalse();
        snapshot.Allows(Alice, Request("get", "nodes", "")).ShouldBeFalse();
        snapshot.Allows(Alice, Path("get", "/healthz")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_RoleBindingsInEveryNamespace_StillNoAllNamespacesList()
    {
        var snapshot = new Snapshot().With(
            ClusterRole("reader", ReadPods),
            RoleBinding("a", "rb", ToClusterRole("reader"), User("alice")),
            RoleBinding("b", "rb", ToClusterRole("reader"), User("alice")));

        snapshot.Allows(Alice, Request("list", "pods", "a")).ShouldBeTrue();
        snapshot.Allows(Alice, Request("list", "pods", "")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_RoleRefRole_UsesOnlyTheBindingsNamespace()
    {
        var snapshot = new Snapshot().With(Role("other", "reader", ReadPods), RoleBinding("dev", "rb", ToRole("reader"), User("alice")));

        var decision = snapshot.Authorize(Alice, Request("get", "pods", "dev"));

        decision.Allowed.ShouldBeFalse();
        decision.Notes.ShouldBe(["RoleBinding dev/rb refers to missing Role reader"]);
    }

    [Fact]
    public void Authorize_RoleRefKindRole_IgnoresSameNamedClusterRole()
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), RoleBinding("dev", "rb", ToRole("reader"), User("alice")));

        snapshot.Allows(Alice, Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_RoleRefKindClusterRole_IgnoresSameNamedRole()
    {
        var snapshot = new Snapshot().With(Role("dev", "reader", ReadPods), RoleBinding("dev", "rb", ToClusterRole("reader"), User("alice")));

        var decision = snapshot.Authorize(Alice, Request("get", "pods", "dev"));

        decision.Allowed.ShouldBeFalse();
        decision.Notes.ShouldBe(["RoleBinding dev/rb refers to missing ClusterRole reader"]);
    }

    [Fact]
    public void Authorize_MissingRoleCreatedLater_StartsWorking()
    {
        var binding = RoleBinding("dev", "rb", ToRole("reader"), User("alice"));
        var before = new Snapshot().With(binding);
        var after = new Snapshot().With(binding, Role("dev", "reader", ReadPods));

        before.Allows(Alice, Request("get", "pods", "dev")).ShouldBeFalse();
        after.Allows(Alice, Request("get", "pods", "dev")).ShouldBeTrue();
    }

    [Fact]
    public void Authorize_RoleWithoutBinding_GrantsNothing()
    {
        var snapshot = new Snapshot().With(Role("dev", "reader", ReadPods), ClusterRole("all", Everything));

        snapshot.Allows(Alice, Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_BindingWithoutSubjects_AppliesToNobody()
    {
        var snapshot = new Snapshot().With(ClusterRole("all", Everything), ClusterRoleBinding("crb", ToClusterRole("all")));

        snapshot.Allows(Alice, Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_ClusterRoleBindingToRole_GrantsNothingAndNotes()
    {
        var snapshot = new Snapshot().With(Role("dev", "reader", ReadPods), ClusterRoleBinding("crb", ToRole("reader"), User("alice")));

        var decision = snapshot.Authorize(Alice, Request("get", "pods", "dev"));

        decision.Allowed.ShouldBeFalse();
        decision.Notes.ShouldBe(["ClusterRoleBinding crb refers to Role reader, but a ClusterRoleBinding can only use a ClusterRole; it grants nothing"]);
    }

    [Fact]
    public void Authorize_ReviewPutsNamespaceOnClusterScopedResource_EvaluatedAgainstRoleBindings()
    {
        var snapshot = new Snapshot().With(ClusterRole("nodes", Rule([""], ["nodes"], ["get"])), RoleBinding("ns1", "rb", ToClusterRole("nodes"), User("alice")));

        snapshot.Allows(Alice, Request("get", "nodes", "ns1")).ShouldBeTrue();
        snapshot.Allows(Alice, Request("get", "nodes", "")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_PathRequestCarryingANamespace_IgnoresRoleBindings()
    {
        var snapshot = new Snapshot().With(ClusterRole("paths", PathRule(["*"], ["*"])), RoleBinding("dev", "rb", ToClusterRole("paths"), User("alice")));

        snapshot.Allows(Alice, new AccessRequest { Verb = "get", Path = "/healthz", Namespace = "dev" }).ShouldBeFalse();
    }

    // §5 subjects

    [Theory]
    [InlineData("alice", true)]
    [InlineData("Alice", false)]
    [InlineData("alice2", false)]
    [InlineData("ali", false)]
    public void Authorize_UserSubject_ExactCaseSensitiveName(string userName, bool expected)
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), ClusterRoleBinding("crb", ToClusterRole("reader"), User("alice")));

        snapshot.Allows(UserOf(userName), Request("get", "pods", "dev")).ShouldBe(expected);
    }

    [Theory]
    [InlineData("dev-team", true)]
    [InlineData("Dev-Team", false)]
    [InlineData("dev", false)]
    public void Authorize_GroupSubject_ExactMembership(string group, bool expected)
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), ClusterRoleBinding("crb", ToClusterRole("reader"), Group("dev-team")));

        snapshot.Allows(UserOf("someone", group), Request("get", "pods", "dev")).ShouldBe(expected);
    }

    [Fact]
    public void Authorize_StarSubjects_AreNotWildcards()
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), ClusterRoleBinding("crb", ToClusterRole("reader"), User("*"), Group("*")));

        snapshot.Allows(Alice, Request("get", "pods", "dev")).ShouldBeFalse();
        snapshot.Allows(UserOf("*"), Request("get", "pods", "dev")).ShouldBeTrue();
    }

    [Fact]
    public void Authorize_ServiceAccountSubject_MatchesItsUsername()
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), ClusterRoleBinding("crb", ToClusterRole("reader"), ServiceAccount("builder", "ci")));

        snapshot.Allows(UserOf("system:serviceaccount:ci:builder"), Request("get", "pods", "dev")).ShouldBeTrue();
        snapshot.Allows(UserOf("system:serviceaccount:ci:other"), Request("get", "pods", "dev")).ShouldBeFalse();
        snapshot.Allows(UserOf("builder"), Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_ServiceAccountWithoutNamespaceInRoleBinding_IsTheBindingsNamespace()
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), RoleBinding("dev", "rb", ToClusterRole("reader"), ServiceAccount("builder")));

        var decision = snapshot.Authorize(UserOf("system:serviceaccount:dev:builder"), Request("get", "pods", "dev"));

        decision.Allowed.ShouldBeTrue();
        decision.Explain().ShouldBe("RBAC: allowed by RoleBinding \"rb/dev\" of ClusterRole \"reader\" to ServiceAccount \"builder/dev\"");
        snapshot.Allows(UserOf("system:serviceaccount:ci:builder"), Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_ServiceAccountWithoutNamespaceInClusterRoleBinding_NeverMatches()
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), ClusterRoleBinding("crb", ToClusterRole("reader"), ServiceAccount("builder")));

        snapshot.Allows(UserOf("system:serviceaccount::builder"), Request("get", "pods", "dev")).ShouldBeFalse();
        snapshot.Allows(UserOf("system:serviceaccount:dev:builder"), Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_RoleBindingNamingServiceAccountOfOtherNamespace_GrantsItInTheBindingsNamespace()
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), RoleBinding("dev", "rb", ToClusterRole("reader"), ServiceAccount("builder", "ci")));
        var sa = UserOf("system:serviceaccount:ci:builder", "system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated");

        snapshot.Allows(sa, Request("get", "pods", "dev")).ShouldBeTrue();
        snapshot.Allows(sa, Request("get", "pods", "ci")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_ServiceAccountGroups_AreOrdinaryGroups()
    {
        var snapshot = new Snapshot().With(
            ClusterRole("reader", ReadPods),
            RoleBinding("dev", "all-sas", ToClusterRole("reader"), Group("system:serviceaccounts:ci")));

        snapshot.Allows(UserOf("system:serviceaccount:ci:builder", "system:serviceaccounts", "system:serviceaccounts:ci"), Request("get", "pods", "dev")).ShouldBeTrue();
        snapshot.Allows(UserOf("system:serviceaccount:ci:builder"), Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_UserSubjectNamedLikeServiceAccount_MatchesThatServiceAccount()
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), ClusterRoleBinding("crb", ToClusterRole("reader"), User("system:serviceaccount:ci:builder")));

        snapshot.Allows(UserOf("system:serviceaccount:ci:builder"), Request("get", "pods", "dev")).ShouldBeTrue();
    }

    [Fact]
    public void Authorize_SystemAuthenticatedBinding_ReachesOnlyUsersCarryingTheGroup()
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), ClusterRoleBinding("crb", ToClusterRole("reader"), Group("system:authenticated")));

        snapshot.Allows(UserOf("alice", "system:authenticated"), Request("get", "pods", "dev")).ShouldBeTrue();
        snapshot.Allows(UserOf("alice"), Request("get", "pods", "dev")).ShouldBeFalse();
        snapshot.Allows(UserOf("system:anonymous", "system:unauthenticated"), Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Authorize_UnknownSubjectKind_NeverMatches()
    {
        var snapshot = new Snapshot().With(ClusterRole("reader", ReadPods), ClusterRoleBinding("crb", ToClusterRole("reader"), new Subject("user", "alice")));

        snapshot.Allows(Alice, Request("get", "pods", "dev")).ShouldBeFalse();
    }

    // §10 pitfalls

    [Fact]
    public void Pitfall01_PodsSlashStar_DoesNotGrantPodLogs()
    {
        var snapshot = new Snapshot().With(ClusterRole("r", Rule([""], ["pods/*"], ["get"])), ClusterRoleBinding("crb", ToClusterRole("r"), User("alice")));

        snapshot.Allows(Alice, Request("get", "pods", "dev", subresource: "log")).ShouldBeFalse();
    }

    [Fact]
    public void Pitfall02_RoleBindingToClusterAdmin_NeverReachesClusterScope()
    {
        var snapshot = new Snapshot().With(ClusterRole("cluster-admin", Everything, PathRule(["*"], ["*"])), RoleBinding("dev", "owner", ToClusterRole("cluster-admin"), User("alice")));

        snapshot.Allows(Alice, Request("list", "nodes")).ShouldBeFalse();
        snapshot.Allows(Alice, Request("list", "pods")).ShouldBeFalse();
        snapshot.Allows(Alice, Path("get", "/version")).ShouldBeFalse();
        snapshot.Allows(Alice, Request("bind", "roles", "dev", "rbac.authorization.k8s.io", name: "any")).ShouldBeTrue();
    }

    [Fact]
    public void Pitfall03_ResourceNames_NeverMatchNamelessRequests()
    {
        var snapshot = new Snapshot().With(
            Role("dev", "one-cm", Rule([""], ["configmaps"], ["get", "list", "create", "deletecollection"], ["app"])),
            RoleBinding("dev", "rb", ToRole("one-cm"), User("alice")));

        snapshot.Allows(Alice, Request("get", "configmaps", "dev", name: "app")).ShouldBeTrue();
        snapshot.Allows(Alice, Request("list", "configmaps", "dev")).ShouldBeFalse();
        snapshot.Allows(Alice, Request("create", "configmaps", "dev")).ShouldBeFalse();
        snapshot.Allows(Alice, Request("deletecollection", "configmaps", "dev")).ShouldBeFalse();
        snapshot.Allows(Alice, Request("list", "configmaps", "dev", name: "app")).ShouldBeTrue();
    }

    [Fact]
    public void Pitfall04_NamespaceObjectLivesInItself()
    {
        var snapshot = new Snapshot().With(
            ClusterRole("ns-owner", Rule([""], ["namespaces"], ["get", "delete"])),
            RoleBinding("ns1", "rb", ToClusterRole("ns-owner"), User("alice")));

        snapshot.Allows(Alice, Request("get", "namespaces", "ns1", name: "ns1")).ShouldBeTrue();
        snapshot.Allows(Alice, Request("delete", "namespaces", "ns1", name: "ns1")).ShouldBeTrue();
        snapshot.Allows(Alice, Request("get", "namespaces", "ns2", name: "ns2")).ShouldBeFalse();
        snapshot.Allows(Alice, Request("list", "namespaces")).ShouldBeFalse();
    }

    [Fact]
    public void Pitfall05_RequestedStars_MatchOnlyLiteralStars()
    {
        var allVerbs = new Snapshot().With(
            ClusterRole("r", Rule(["", "apps"], ["pods", "deployments"], ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"])),
            ClusterRoleBinding("crb", ToClusterRole("r"), User("alice")));
        var star = new Snapshot().With(ClusterRole("r", Everything), ClusterRoleBinding("crb", ToClusterRole("r"), User("alice")));

        allVerbs.Allows(Alice, Request("*", "pods", "dev")).ShouldBeFalse();
        allVerbs.Allows(Alice, Request("get", "*", "dev")).ShouldBeFalse();
        allVerbs.Allows(Alice, Request("get", "pods", "dev", group: "*")).ShouldBeFalse();
        star.Allows(Alice, Request("*", "*", "dev", group: "*")).ShouldBeTrue();
    }

    [Fact]
    public void Pitfall05_PodsLogTypeArgument_IsANameNotASubresource()
    {
        var snapshot = new Snapshot().With(ClusterRole("r", ReadPods), ClusterRoleBinding("crb", ToClusterRole("r"), User("alice")));

        // kubectl auth can-i get pods/log sends resource pods, name "log".
        snapshot.Allows(Alice, Request("get", "pods", "dev", name: "log")).ShouldBeTrue();
        snapshot.Allows(Alice, Request("get", "pods", "dev", subresource: "log")).ShouldBeFalse();
    }

    [Fact]
    public void Pitfall06_GroupsComeFromTheCaller_NothingIsAdded()
    {
        var snapshot = new Snapshot().With(
            ClusterRole("r", ReadPods),
            RoleBinding("dev", "rb", ToClusterRole("r"), Group("system:serviceaccounts"), Group("system:authenticated")));

        snapshot.Allows(UserOf("system:serviceaccount:dev:app"), Request("get", "pods", "dev")).ShouldBeFalse();
    }

    [Fact]
    public void Pitfall07_SystemMastersWithoutBinding_RbacAloneSaysNo()
    {
        // The privileged-group authorizer is separate (KubernetesAuthorizer); RBAC itself has no special case.
        var snapshot = new Snapshot();

        snapshot.Allows(UserOf("admin", "system:masters"), Request("get", "pods", "dev")).ShouldBeFalse();
        snapshot.Indexed().RulesFor(UserOf("admin", "system:masters"), "dev").ShouldBeEmpty();
    }

    [Fact]
    public void Pitfall08_AggregatedRole_OwnRulesOverwrittenAddOnRulesMerged()
    {
        var addOn = new ClusterRole("widgets-edit", [Rule(["example.com"], ["widgets"], ["create"])])
        {
            Labels = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("rbac.authorization.k8s.io/aggregate-to-edit", "true"),
        };
        var typedIntoEdit = new ClusterRole("edit", [Everything])
        {
            Labels = DefaultRbac.ClusterRoles.Single(r => string.Equals(r.Name, "edit", StringComparison.Ordinal)).Labels,
            AggregationRule = DefaultRbac.ClusterRoles.Single(r => string.Equals(r.Name, "edit", StringComparison.Ordinal)).AggregationRule,
        };
        var merged = DefaultRbac.MergeInto([typedIntoEdit, addOn], []);
        var snapshot = new Snapshot().With([.. merged.ClusterRoles, RoleBinding("dev", "rb", ToClusterRole("admin"), User("alice"))]);

        snapshot.Allows(Alice, Request("create", "widgets", "dev", "example.com")).ShouldBeTrue();
        snapshot.Allows(Alice, Request("escalate", "roles", "dev", "rbac.authorization.k8s.io", name: "x")).ShouldBeFalse();
    }

    [Fact]
    public void Pitfall09_WrongKindMissingRoleOtherNamespace_NothingAndNoError()
    {
        var snapshot = new Snapshot().With(
            Role("other", "reader", ReadPods),
            RoleBinding("dev", "a", ToRole("reader"), User("alice")),
            RoleBinding("dev", "b", ToClusterRole("reader"), User("alice")),
            RoleBinding("dev", "c", new RoleRef("Foo", "reader"), User("alice")),
            ClusterRoleBinding("d", ToRole("reader"), User("alice")));

        var decision = snapshot.Authorize(Alice, Request("get", "pods", "dev"));

        decision.Allowed.ShouldBeFalse();
        decision.Notes.Length.ShouldBe(4);
    }

    [Theory]
    [InlineData("GET", "pods", "")]
    [InlineData("get", "Pods", "")]
    [InlineData("get", "pods", "apps/v1")]
    [InlineData("get", "pods", "core")]
    [InlineData("get", "deployments.apps", "")]
    public void Pitfall10_EverythingIsCaseSensitiveAndLiteral(string verb, string resource, string group)
    {
        var snapshot = new Snapshot().With(
            ClusterRole("r", Rule([""], ["pods"], ["get"]), Rule(["apps"], ["deployments"], ["get"])),
            ClusterRoleBinding("crb", ToClusterRole("r"), User("alice")));

        snapshot.Allows(Alice, Request(verb, resource, "dev", group: group)).ShouldBeFalse();
    }

    [Fact]
    public void Pitfall10_SystemMastersIsCaseSensitive()
    {
        var snapshot = new Snapshot().With(ClusterRole("cluster-admin", Everything), ClusterRoleBinding("cluster-admin", ToClusterRole("cluster-admin"), Group("system:masters")));

        snapshot.Allows(UserOf("x", "System:Masters"), Request("get", "pods", "dev")).ShouldBeFalse();
    }

    // RulesFor (can-i --list) and SubjectsAllowed (who-can)

    [Fact]
    public void RulesFor_ClusterRoleBindingsThenTheNamespacesRoleBindings()
    {
        var snapshot = new Snapshot().With(
            ClusterRole("reader", ReadPods),
            Role("dev", "cm", Rule([""], ["configmaps"], ["get"])),
            Role("prod", "cm", Rule([""], ["configmaps"], ["delete"])),
            RoleBinding("dev", "rb", ToRole("cm"), Group("dev-team")),
            RoleBinding("prod", "rb", ToRole("cm"), Group("dev-team")),
            ClusterRoleBinding("crb", ToClusterRole("reader"), User("alice")));
        var indexed = snapshot.Indexed();

        var rules = indexed.RulesFor(Alice, "dev");

        rules.Select(r => r.Source.DescribeBinding()).ShouldBe(["ClusterRoleBinding \"crb\"", "RoleBinding \"rb/dev\""]);
        rules[1].Rule.Verbs.ShouldBe(["get"]);
        indexed.RulesFor(Alice, "").Length.ShouldBe(1);
        rules.ShouldBe(snapshot.Reference().RulesFor(Alice, "dev"));
    }

    [Fact]
    public void SubjectsAllowed_ListsEverySubjectOfAllowingBindings()
    {
        var snapshot = new Snapshot().With(
            ClusterRole("reader", ReadPods),
            ClusterRole("writer", Rule([""], ["pods"], ["create"])),
            RoleBinding("dev", "readers", ToClusterRole("reader"), User("alice"), ServiceAccount("builder"), Group("dev-team")),
            RoleBinding("prod", "readers", ToClusterRole("reader"), User("carol")),
            RoleBinding("dev", "writers", ToClusterRole("writer"), User("dave")),
            ClusterRoleBinding("everyone", ToClusterRole("reader"), Group("system:authenticated"), ServiceAccount("nobody")));

        var grants = snapshot.Indexed().SubjectsAllowed(Request("list", "pods", "dev")).ToList();

        grants.Select(g => g.Subject).ShouldBe([Group("system:authenticated"), User("alice"), ServiceAccount("builder", "dev"), Group("dev-team")]);
        grants[2].Via.Subject.ShouldBe(ServiceAccount("builder"));
        grants.ShouldBe(snapshot.Reference().SubjectsAllowed(Request("list", "pods", "dev")));
    }

    [Fact]
    public void SubjectsAllowed_AllNamespaces_OnlyClusterRoleBindings()
    {
        var snapshot = new Snapshot().With(
            ClusterRole("reader", ReadPods),
            RoleBinding("dev", "readers", ToClusterRole("reader"), User("alice")),
            ClusterRoleBinding("ops", ToClusterRole("reader"), Group("ops")));

        var grants = snapshot.Indexed().SubjectsAllowed(Request("list", "pods")).ToList();

        grants.Select(g => g.Subject).ShouldBe([Group("ops")]);
    }
}
