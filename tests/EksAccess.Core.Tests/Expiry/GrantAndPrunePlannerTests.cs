using System.Collections.Immutable;
using EksAccess.Core.Expiry;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Expiry;

public sealed class GrantAndPrunePlannerTests
{
    private const string Cluster = "c1";
    private const string John = "arn:aws:iam::111122223333:user/dev-john";
    private const string Admin = "arn:aws:iam::111122223333:role/Admin";
    private const string AdminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy";
    private const string ClusterAdminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly AccessScope DevApps = new(AccessScope.NamespaceType, ["dev-apps"]);

    private static GrantRequest Request(TimeSpan duration) =>
        new(Cluster, John, duration, "INC-42", Now) { PolicyArn = AdminPolicy, Scope = DevApps, CallerArn = Admin };

    private static ObservedAccessEntry Entry(string arn, params (string Key, string Value)[] tags) => new(arn)
    {
        Tags = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, tags.Select(t => KeyValuePair.Create(t.Key, t.Value)).Append(KeyValuePair.Create("managed-by", "eksaccess"))),
    };

    [Fact]
    public void Grant_NoEntry_CreatesTaggedEntryThenAssociates()
    {
        var plan = GrantPlanner.Plan(Request(TimeSpan.FromHours(2)), existing: null);

        plan.Refusal.ShouldBeNull();
        var create = plan.Steps[0].Action.ShouldBeOfType<CreateAccessEntryAction>();
        create.Tags["eksaccess.io/expires-at"].ShouldBe("2026-12-01T18:00:00Z");
        create.Tags["eksaccess.io/reason"].ShouldBe("INC-42");
        create.Tags["eksaccess.io/granted-by"].ShouldBe(Admin);
        create.Tags["managed-by"].ShouldBe("eksaccess");
        plan.Steps[1].Action.ShouldBeOfType<AssociateAccessPolicyAction>().AccessScope.Namespaces.ShouldBe(["dev-apps"]);
        plan.EndEarly.ShouldBe([$"eksaccess revoke --principal {John} --cluster {Cluster}"]);
    }

    [Theory]
    [InlineData(13, null, false, true)]
    [InlineData(13, null, true, false)]
    [InlineData(3, 2, false, true)]
    [InlineData(2, 2, false, false)]
    public void Grant_BeyondMaxOrClusterCap_RefusedUnlessForced(int hours, int? capHours, bool force, bool refused)
    {
        var request = Request(TimeSpan.FromHours(hours)) with { ClusterMax = capHours is { } cap ? TimeSpan.FromHours(cap) : null, Force = force };

        var plan = GrantPlanner.Plan(request, existing: null);

        (plan.Refusal?.Kind == RefusalKind.ExpiryBeyondLimit).ShouldBe(refused);
        plan.Steps.IsEmpty.ShouldBe(refused);
    }

    [Fact]
    public void Grant_PermanentAssociationCovers_NothingToDo()
    {
        var entry = Entry(John) with { AssociatedAccessPolicies = [new AssociatedAccessPolicy(AdminPolicy, AccessScope.Cluster)] };

        var plan = GrantPlanner.Plan(Request(TimeSpan.FromHours(1)), entry);

        plan.Refusal.ShouldBeNull();
        plan.Steps.ShouldBeEmpty();
    }

    [Fact]
    public void Grant_PermanentNarrowerAssociation_RefusedRatherThanReplaced()
    {
        var entry = Entry(John) with { AssociatedAccessPolicies = [new AssociatedAccessPolicy(AdminPolicy, new AccessScope(AccessScope.NamespaceType, ["other"]))] };

        var plan = GrantPlanner.Plan(Request(TimeSpan.FromHours(1)), entry);

        plan.Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.CannotRecordExpiry);
    }

    [Fact]
    public void Grant_EarlierGrantReachesFurther_NeverShortened()
    {
        var key = ExpiryTags.PolicyKey(AdminPolicy, DevApps);
        var entry = Entry(John, (key, "2026-12-01T22:00:00Z")) with { AssociatedAccessPolicies = [new AssociatedAccessPolicy(AdminPolicy, DevApps)] };

        var plan = GrantPlanner.Plan(Request(TimeSpan.FromHours(1)), entry);

        plan.ExpiresAt.ShouldBe(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero));
        plan.Steps.ShouldNotContain(s => s.Action is AssociateAccessPolicyAction);
        plan.Steps.Single(s => s.Action is TagAccessEntryAction).Action.ShouldBeOfType<TagAccessEntryAction>().Tags[key].ShouldBe("2026-12-01T22:00:00Z");
    }

    [Fact]
    public void Grant_UnmanagedEntry_Refused()
    {
        var plan = GrantPlanner.Plan(Request(TimeSpan.FromHours(1)), new ObservedAccessEntry(John));

        plan.Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.CannotRecordExpiry);
    }

    [Fact]
    public void Prune_ExpiredEntryAndAssociation_DeletesAndDisassociatesThenUntags()
    {
        var key = ExpiryTags.PolicyKey(AdminPolicy, DevApps);
        ImmutableArray<ObservedAccessEntry> entries =
        [
            Entry(John, (key, "2026-12-01T15:00:00Z")) with { AssociatedAccessPolicies = [new AssociatedAccessPolicy(AdminPolicy, DevApps)] },
            Entry("arn:aws:iam::111122223333:role/OnCall", ("eksaccess.io/expires-at", "2026-12-01T15:59:00Z")),
            Entry("arn:aws:iam::111122223333:role/Later", ("eksaccess.io/expires-at", "2026-12-01T17:00:00Z")),
        ];

        var plan = PrunePlanner.Plan(Cluster, entries, Snapshot(entries), Now);

        plan.Pruned.Select(p => p.What).ShouldBe(["access entry", "access policy AmazonEKSAdminPolicy (namespace:dev-apps)"]);
        plan.Kept.ShouldBeEmpty();
        plan.Steps.Select(s => s.Change.ApiCall).ShouldBe(["eks:DisassociateAccessPolicy", "eks:DeleteAccessEntry", "eks:UntagResource"]);
        plan.Steps[2].Action.ShouldBeOfType<UntagAccessEntryAction>().TagKeys.ShouldBe([key]);
    }

    [Fact]
    public void Prune_UnmanagedOrNodeEntry_KeptWithReason()
    {
        ImmutableArray<ObservedAccessEntry> entries =
        [
            new ObservedAccessEntry(John) { Tags = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("eksaccess.io/expires-at", "2026-12-01T15:00:00Z")]) },
            Entry("arn:aws:iam::111122223333:role/Node", ("eksaccess.io/expires-at", "2026-12-01T15:00:00Z")) with { Type = "EC2_LINUX" },
        ];

        var plan = PrunePlanner.Plan(Cluster, entries, Snapshot(entries), Now);

        plan.Steps.ShouldBeEmpty();
        plan.Kept.Select(k => k.Reason![..20]).ShouldBe(["a EC2_LINUX entry (n", "not tagged managed-b"]);
        plan.Converges.ShouldBeFalse();
    }

    [Fact]
    public void Prune_LastClusterAdmin_KeptEvenWhenExpired()
    {
        ImmutableArray<ObservedAccessEntry> entries =
        [
            Entry(Admin, ("eksaccess.io/expires-at", "2026-12-01T15:00:00Z")) with { AssociatedAccessPolicies = [new AssociatedAccessPolicy(ClusterAdminPolicy, AccessScope.Cluster)] },
        ];

        var plan = PrunePlanner.Plan(Cluster, entries, Snapshot(entries), Now);

        plan.Steps.ShouldBeEmpty();
        plan.Kept.ShouldHaveSingleItem().Reason.ShouldNotBeNull().ShouldContain("last path to cluster-admin");
    }

    [Fact]
    public void Prune_AnotherAdminRemains_ExpiredAdminGoes()
    {
        ImmutableArray<ObservedAccessEntry> entries =
        [
            Entry(Admin, ("eksaccess.io/expires-at", "2026-12-01T15:00:00Z")) with { AssociatedAccessPolicies = [new AssociatedAccessPolicy(ClusterAdminPolicy, AccessScope.Cluster)] },
            Entry("arn:aws:iam::111122223333:role/Platform") with { AssociatedAccessPolicies = [new AssociatedAccessPolicy(ClusterAdminPolicy, AccessScope.Cluster)] },
        ];

        var plan = PrunePlanner.Plan(Cluster, entries, Snapshot(entries), Now);

        plan.Pruned.ShouldHaveSingleItem().PrincipalArn.ShouldBe(Admin);
        plan.Kept.ShouldBeEmpty();
    }

    private static ClusterSnapshot Snapshot(ImmutableArray<ObservedAccessEntry> entries) => new()
    {
        Cluster = new ClusterInfo(Cluster, $"arn:aws:eks:us-east-1:111122223333:cluster/{Cluster}", AuthenticationMode.Api),
        AccessEntries = [.. entries.Select(e => new AccessEntry(e.PrincipalArn, e.Type, null, e.KubernetesGroups, e.AssociatedAccessPolicies))],
    };
}
