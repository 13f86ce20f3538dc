using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;

namespace EksAccess.Kubernetes.Tests;

public sealed class KubernetesApplierTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ApplyAsync_Seed000_ThenReplanIsEmpty()
    {
        await using var fixture = await StubFixture.StartAsync();
        var desired = DesiredState.Build(TestConfigs.Seed000());
        var applier = Applier(fixture);

        var plan = await PlanAsync(fixture, desired);
        var applied = await applier.ApplyAsync(plan.Plan.Changes, desired, Edit(desired), force: false, None);
        var replan = await PlanAsync(fixture, desired);

        applied.ShouldBe(7);
        replan.Plan.Changes.ShouldBeEmpty();
        replan.Refusals.ShouldBeEmpty();
    }

    [Fact]
    public async Task ApplyAsync_PartialFailure_RerunConverges()
    {
        await using var fixture = await StubFixture.StartAsync();
        var desired = DesiredState.Build(TestConfigs.Seed000());
        fixture.Stub.Forbid = request => request.Resource?.Plural == "rolebindings" && request.Verb == "patch";
        var plan = await PlanAsync(fixture, desired);

        await Should.ThrowAsync<KubernetesApiException>(() => Applier(fixture).ApplyAsync(plan.Plan.Changes, desired, Edit(desired), force: false, None));
        fixture.Stub.Forbid = null;
        var remaining = await PlanAsync(fixture, desired);
        await Applier(fixture).ApplyAsync(remaining.Plan.Changes, desired, Edit(desired), force: false, None);

        remaining.Plan.Changes.Select(c => c.ResourceType).ShouldBe(["RoleBinding", "ClusterRoleBinding", "aws-auth"]);
        (await PlanAsync(fixture, desired)).Plan.Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task ApplyAsync_ConfigShrinks_ManagedObjectsDeletedOthersKept()
    {
        await using var fixture = await StubFixture.StartAsync();
        var full = DesiredState.Build(TestConfigs.Seed000());
        await Applier(fixture).ApplyAsync((await PlanAsync(fixture, full)).Plan.Changes, full, Edit(full), force: false, None);
        var smaller = DesiredState.Build(TestConfigs.Seed000() with { Teams = [TestConfigs.Seed000().Teams[0] with { ClusterRoles = [] }] });

        var plan = await PlanAsync(fixture, smaller);
        await Applier(fixture).ApplyAsync(plan.Plan.Changes, smaller, Edit(smaller), force: false, None);

        plan.Plan.Changes.Select(c => (c.Kind, c.ResourceType, c.Id)).ShouldBe([(ChangeKind.Delete, "ClusterRoleBinding", "dev-team-developer-cluster-readonly")]);
        var live = await fixture.Client.ReadSnapshotAsync(None);
        live.ClusterRoleBindings.ShouldNotContain(b => b.Name == "dev-team-developer-cluster-readonly");
        live.ClusterRoleBindings.ShouldContain(b => b.Name == "cluster-admin");
    }

    [Fact]
    public async Task ApplyAsync_RoleRefChanged_BindingRecreated()
    {
        await using var fixture = await StubFixture.StartAsync();
        var config = TestConfigs.Seed000();
        var first = DesiredState.Build(config);
        await Applier(fixture).ApplyAsync((await PlanAsync(fixture, first)).Plan.Changes, first, Edit(first), force: false, None);
        var second = first with
        {
            ClusterRoleBindings = [first.ClusterRoleBindings[0] with { RoleRef = new("ClusterRole", "view") }],
        };

        var plan = await PlanAsync(fixture, second);
        await Applier(fixture).ApplyAsync(plan.Plan.Changes, second, Edit(second), force: false, None);

        plan.Plan.Changes.ShouldHaveSingleItem().ApiCall.ShouldStartWith("DELETE then PATCH apply");
        (await PlanAsync(fixture, second)).Plan.Changes.ShouldBeEmpty();
    }

    private static KubernetesApplier Applier(StubFixture fixture) =>
        new(fixture.Client, new AwsAuthUpdater(fixture.Client, new AwsAuthBackup(fixture.Directory, TimeProvider.System), TextWriter.Null), TextWriter.Null);

    private static async Task<KubernetesPlanResult> PlanAsync(StubFixture fixture, ClusterSnapshot desired) =>
        KubernetesPlanner.Plan(desired, await fixture.Client.ReadSnapshotAsync(None), new KubernetesPlanOptions());

    private static Func<ConfigMapObject?, AwsAuthEdit> Edit(ClusterSnapshot desired) =>
        current => AwsAuthMerge.Merge(current, desired.AwsAuth, KubernetesPlanner.AdminCheckState(desired, new ClusterSnapshot()));
}
