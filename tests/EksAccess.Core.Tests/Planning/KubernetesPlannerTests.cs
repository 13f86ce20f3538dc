using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Config;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using FsCheck;
using FsCheck.Fluent;
using EksAccess.Core.Desired;


namespace EksAccess.Core.Tests.Planning;

public sealed class KubernetesPlannerTests
{
    private static readonly KubernetesPlanOptions Defaults = new();

    [Fact]
    public void Plan_EmptyCluster_CreatesEverythingInDependencyOrder()
    {
        var desired = DesiredState.Build(TestConfigs.Seed000());

        var result = KubernetesPlanner.Plan(desired, new ClusterSnapshot(), Defaults);

        result.Refusals.ShouldBeEmpty();
        result.Plan.Changes.Select(c => (c.Kind, c.ResourceType, c.Id)).ShouldBe([
            (ChangeKind.Create, "Namespace", "dev-apps"),
            (ChangeKind.Create, "ResourceQuota", "dev-apps/dev-apps-quota"),
            (ChangeKind.Create, "ClusterRole", "developer-cluster-readonly"),
            (ChangeKind.Create, "Role", "dev-apps/developer-role"),
            (ChangeKind.Create, "RoleBinding", "dev-apps/dev-team-developer-role"),
            (ChangeKind.Create, "ClusterRoleBinding", "dev-team-developer-cluster-readonly"),
            (ChangeKind.Create, "aws-auth", "kube-system/aws-auth"),
        ]);
        result.Plan.Changes.Select(c => c.Order).ShouldBeInOrder();
        result.Plan.Changes[3].ApiCall.ShouldBe("PATCH apply rbac.authorization.k8s.io/v1 roles dev-apps/developer-role");
        result.Plan.Changes[^1].ApiCall.ShouldBe("POST v1 configmaps kube-system/aws-auth");
    }

    [Fact]
    public void Plan_ClusterAsTheApiServerStoresIt_NoChanges()
    {
        var desired = DesiredState.Build(TestConfigs.Seed000());
        var observed = AsStored(desired);

        var result = KubernetesPlanner.Plan(desired, observed, Defaults);

        result.Refusals.ShouldBeEmpty();
        result.Plan.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_CanonicalQuantities_AreNotChanges()
    {
        var desired = new ClusterSnapshot
        {
            ResourceQuotas = [new ResourceQuotaObject("a", "q", Quantities(("cpu", "1000m"), ("memory", "1024Mi"), ("pods", "20")))],
        };
        var observed = new ClusterSnapshot
        {
            ResourceQuotas = [new ResourceQuotaObject("a", "q", Quantities(("cpu", "1"), ("memory", "1Gi"), ("pods", "20"))) { Labels = Managed() }],
        };

        KubernetesPlanner.Plan(desired, observed, Defaults).Plan.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_QuotaValueChanged_UpdateNamesTheField()
    {
        var desired = new ClusterSnapshot { ResourceQuotas = [new ResourceQuotaObject("a", "q", Quantities(("pods", "30")))] };
        var observed = new ClusterSnapshot { ResourceQuotas = [new ResourceQuotaObject("a", "q", Quantities(("pods", "20"), ("secrets", "5"))) { Labels = Managed() }] };

        var change = KubernetesPlanner.Plan(desired, observed, Defaults).Plan.Changes.ShouldHaveSingleItem();

        change.Kind.ShouldBe(ChangeKind.Update);
        change.Details.ShouldBe(["spec.hard.pods: 20 → 30", "spec.hard.secrets: 5 → (none)"]);
    }

    [Fact]
    public void Plan_LimitRangeDefaultsFilledByTheServer_AreNotChanges()
    {
        var item = new LimitRangeItem("Container", Quantities(), Quantities(), Quantities(("cpu", "2")), Quantities(("cpu", "100m")));
        var stored = LimitRangeDefaults.Apply(item) with { Max = Quantities(("cpu", "2000m")) };
        var desired = new ClusterSnapshot { LimitRanges = [new LimitRangeObject("a", "l", [item])] };
        var observed = new ClusterSnapshot { LimitRanges = [new LimitRangeObject("a", "l", [stored]) { Labels = Managed() }] };

        KubernetesPlanner.Plan(desired, observed, Defaults).Plan.Changes.ShouldBeEmpty();
        stored.Default["cpu"].ShouldBe("2");
        stored.DefaultRequest["cpu"].ShouldBe("2");
    }

    [Fact]
    public void Plan_UnlabelledObjectTheConfigWants_IsAdopted()
    {
        var desired = new ClusterSnapshot { Roles = [new Role("a", "r", [PolicyRule.ForResources([""], ["pods"], ["get"])])] };
        var observed = new ClusterSnapshot { Roles = [new Role("a", "r", [PolicyRule.ForResources([""], ["pods"], ["get"])])] };

        var change = KubernetesPlanner.Plan(desired, observed, Defaults).Plan.Changes.ShouldHaveSingleItem();

        change.Kind.ShouldBe(ChangeKind.Update);
        change.Details.ShouldBe(["label app.kubernetes.io/managed-by: (none) → eksaccess"]);
    }

    [Fact]
    public void Plan_RuleChanged_DetailShowsOldAndNew()
    {
        var desired = new ClusterSnapshot { Roles = [new Role("a", "r", [PolicyRule.ForResources([""], ["pods"], ["get", "list"])])] };
        var observed = new ClusterSnapshot { Roles = [new Role("a", "r", [PolicyRule.ForResources([""], ["pods"], ["get"])]) { Labels = Managed() }] };

        var change = KubernetesPlanner.Plan(desired, observed, Defaults).Plan.Changes.ShouldHaveSingleItem();

        change.Details.ShouldBe(["rules[0]: apiGroups=[\"\"] resources=[pods] verbs=[get] → apiGroups=[\"\"] resources=[pods] verbs=[get,list]"]);
    }

    [Fact]
    public void Plan_EmptyRulesReadBackAsAbsent_AreNotChanges()
    {
        var desired = new ClusterSnapshot { Roles = [new Role("a", "r", [])] };
        var observed = new ClusterSnapshot { Roles = [new Role("a", "r", default) { Labels = Managed() }] };

        KubernetesPlanner.Plan(desired, observed, Defaults).Plan.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_RoleRefChanged_DeletesAndRecreatesTheBinding()
    {
        var desired = new ClusterSnapshot { RoleBindings = [new RoleBinding("a", "b", new RoleRef("ClusterRole", "edit"), [new Subject("Group", "g")])] };
        var observed = new ClusterSnapshot { RoleBindings = [new RoleBinding("a", "b", new RoleRef("ClusterRole", "view"), [new Subject("Group", "g")]) { Labels = Managed() }] };

        var change = KubernetesPlanner.Plan(desired, observed, Defaults).Plan.Changes.ShouldHaveSingleItem();

        change.ApiCall.ShouldBe("DELETE then PATCH apply rbac.authorization.k8s.io/v1 rolebindings a/b");
        change.Details.ShouldHaveSingleItem().ShouldContain("roleRef: ClusterRole/view → ClusterRole/edit");
    }

    [Fact]
    public void Plan_ManagedObjectsNoLongerWanted_DeletedInReverseOrderOthersKept()
    {
        var observed = new ClusterSnapshot
        {
            Namespaces = [new NamespaceObject("old", Managed())],
            ResourceQuotas = [new ResourceQuotaObject("old", "q", Quantities()) { Labels = Managed() }],
            Roles = [new Role("old", "r", []) { Labels = Managed() }, new Role("old", "theirs", [])],
            RoleBindings = [new RoleBinding("old", "b", new RoleRef("Role", "r"), []) { Labels = Managed() }],
            ClusterRoles = [new ClusterRole("c", []) { Labels = Managed() }],
            ClusterRoleBindings = [new ClusterRoleBinding("cb", new RoleRef("ClusterRole", "c"), []) { Labels = Managed() }],
        };

        var kept = KubernetesPlanner.Plan(new ClusterSnapshot(), observed, Defaults).Plan;
        var pruned = KubernetesPlanner.Plan(new ClusterSnapshot(), observed, new KubernetesPlanOptions { PruneNamespaces = true }).Plan;

        kept.Changes.Select(c => (c.Kind, c.ResourceType, c.Id)).ShouldBe([
            (ChangeKind.Delete, "ClusterRoleBinding", "cb"),
            (ChangeKind.Delete, "RoleBinding", "old/b"),
            (ChangeKind.Delete, "Role", "old/r"),
            (ChangeKind.Delete, "ClusterRole", "c"),
            (ChangeKind.Delete, "ResourceQuota", "old/q"),
        ]);
        kept.Warnings.ShouldHaveSingleItem().ShouldContain("Namespace old is labelled managed-by eksaccess but no longer in the config");
        pruned.Changes[^1].ApiCall.ShouldBe("DELETE v1 namespaces old");
    }

    [Fact]
    public void Plan_AggregatedClusterRoleOnTheCluster_RulesNeverCompared()
    {
        var desired = new ClusterSnapshot { ClusterRoles = [new ClusterRole("monitoring", [PolicyRule.ForResources([""], ["pods"], ["get"])])] };
        var aggregated = new ClusterRole("monitoring", [PolicyRule.ForResources(["*"], ["*"], ["*"])])
        {
            Labels = Managed(),
            AggregationRule = new AggregationRule([new LabelSelector(ImmutableDictionary<string, string>.Empty.Add("x", "y"), [])]),
        };

        var plan = KubernetesPlanner.Plan(desired, new ClusterSnapshot { ClusterRoles = [aggregated] }, Defaults).Plan;

        plan.Changes.ShouldBeEmpty();
        plan.Warnings.ShouldHaveSingleItem().ShouldContain("its rules belong to the aggregation controller");
    }

    [Fact]
    public void Plan_AwsAuthRefusal_IsARefusedChange()
    {
        var config = TestConfigs.Seed000();
        var created = AwsAuthMerge.Merge(null, DesiredState.Build(config).AwsAuth, new ClusterSnapshot()).After;
        var desired = DesiredState.Build(config with { Cluster = config.Cluster with { NodeRoles = [] } });

        var result = KubernetesPlanner.Plan(desired, AsStored(DesiredState.Build(config)) with { AwsAuth = created }, Defaults);

        result.IsRefused.ShouldBeTrue();
        result.Refusals.ShouldHaveSingleItem().ShouldStartWith("aws-auth: the write would drop or change the node-role mapping");
        result.Plan.HasRefusals.ShouldBeTrue();
        result.Plan.Changes.Single(c => c.ResourceType == "aws-auth").Refusal.ShouldNotBeNull().ShouldStartWith("the write would drop");
    }

    [Fact]
    public void Plan_ExampleSnapshotAgainstItsConfig_Golden()
    {
        var config = AccessConfigParser.Parse(File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "examples/000-developer-access/access.yaml")), "examples/000-developer-access/access.yaml").Config!;
        var directory = Path.Combine(TestFiles.RepositoryRoot, "examples/000-developer-access/snapshot");
        var observed = SnapshotLoader.Load(Directory.GetFiles(directory).Order(StringComparer.Ordinal)
            .Select(path => new SnapshotFile(Path.GetFileName(path), File.ReadAllText(path)))).Snapshot;

        var result = KubernetesPlanner.Plan(DesiredState.Build(config), observed, Defaults);

        Golden.Verify(PlanRenderer.Render(result.Plan), "Planning", "KubernetesPlan.Seed000ExampleSnapshot");
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Plan_DesiredAgainstItselfAsStored_IsEmpty() =>
        Prop.ForAll(Arb.From(Gen.Elements(TestConfigs.Seed000(), TestConfigs.Seed000() with { Admins = [] }, TestConfigs.Empty())), config =>
        {
            var desired = DesiredState.Build(config);
            var result = KubernetesPlanner.Plan(desired, AsStored(desired), Defaults);
            return result.Plan.Changes.IsEmpty && result.Refusals.IsEmpty;
        });

    /// <summary>What a faithful API server holds after applying <paramref name="desired"/>: labels plus the server's own, aws-auth merged.</summary>
    internal static ClusterSnapshot AsStored(ClusterSnapshot desired) => new()
    {
        Namespaces = [.. desired.Namespaces.Select(n => n with { Labels = n.Labels.SetItem("kubernetes.io/metadata.name", n.Name) })],
        ResourceQuotas = [.. desired.ResourceQuotas.Select(q => q with { Labels = Managed() })],
        LimitRanges = [.. desired.LimitRanges.Select(l => l with { Labels = Managed(), Limits = LimitRangeDefaults.Apply(l.Limits) })],
        ClusterRoles = [.. desired.ClusterRoles.Select(r => r with { Labels = r.Labels.SetItem(KubernetesMetadata.ManagedByLabel, KubernetesMetadata.ManagedByValue) })],
        Roles = [.. desired.Roles.Select(r => r with { Labels = Managed() })],
        RoleBindings = [.. desired.RoleBindings.Select(b => b with { Labels = Managed() })],
        ClusterRoleBindings = [.. desired.ClusterRoleBindings.Select(b => b with { Labels = Managed() })],
        AwsAuth = desired.AwsAuth is null ? null : AwsAuthMerge.Merge(null, desired.AwsAuth, new ClusterSnapshot()).After,
    };

    private static ImmutableDictionary<string, string> Managed() =>
        KubernetesMetadata.Empty.Add(KubernetesMetadata.ManagedByLabel, KubernetesMetadata.ManagedByValue);

    private static ImmutableSortedDictionary<string, string> Quantities(params (string Key, string Value)[] pairs) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));
}
