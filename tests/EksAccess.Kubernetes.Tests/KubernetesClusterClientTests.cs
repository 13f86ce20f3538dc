using EksAccess.Core.Authorization;
using EksAccess.Core.Planning;
using EksAccess.Core.Rendering;
using EksAccess.Core.Snapshots;
using EksAccess.KubeStub;
using EksAccess.Core.Desired;

namespace EksAccess.Kubernetes.Tests;

public sealed class KubernetesClusterClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ReadSnapshotAsync_FreshCluster_SystemNamespacesDefaultRolesNoAwsAuth()
    {
        await using var fixture = await StubFixture.StartAsync();

        var snapshot = await fixture.Client.ReadSnapshotAsync(None);

        snapshot.Namespaces.Select(n => n.Name).ShouldBe(["default", "kube-node-lease", "kube-public", "kube-system"], ignoreOrder: true);
        snapshot.ClusterRoles.ShouldContain(r => r.Name == "cluster-admin");
        snapshot.ClusterRoles.Single(r => r.Name == "view").AggregationRule.ShouldNotBeNull();
        snapshot.ServiceAccounts.Count(s => s.Name == "default").ShouldBe(4);
        snapshot.AwsAuth.ShouldBeNull();
    }

    [Fact]
    public async Task ApplyAsync_EveryDesiredManifest_ReadsBackAsDesired()
    {
        await using var fixture = await StubFixture.StartAsync();
        var desired = DesiredState.Build(TestConfigs.Seed000());

        foreach (var manifest in KubernetesManifestRenderer.Manifests(desired).Where(m => m.Kind != "ConfigMap"))
        {
            await fixture.Client.ApplyAsync(manifest, force: false, None);
        }

        var snapshot = await fixture.Client.ReadSnapshotAsync(None);
        var role = snapshot.Roles.Single(r => r.Name == "developer-role");
        role.Rules.Length.ShouldBe(5);
        KubernetesMetadata.IsManaged(role.Labels).ShouldBeTrue();
        snapshot.RoleBindings.Single(b => b.Name == "dev-team-developer-role").Subjects.ShouldBe([new Subject("Group", "dev-team")]);
        snapshot.ResourceQuotas.Single().Hard["requests.memory"].ShouldBe("8Gi");
        KubernetesPlanner.Plan(desired with { AwsAuth = null }, snapshot, new KubernetesPlanOptions()).Plan.Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task ApplyAsync_ConflictWithAnotherManager_SurfacesAsFieldManagerConflict()
    {
        await using var fixture = await StubFixture.StartAsync();
        var desired = DesiredState.Build(TestConfigs.Seed000());
        var ns = KubernetesManifestRenderer.Manifests(desired).First(m => m.Kind == "Namespace");
        await fixture.Client.ApplyAsync(ns, force: false, None);
        fixture.Stub.Store.Edit(KubeResource.ByPlural("namespaces"), null, "dev-apps", obj => obj["metadata"]!["labels"]!["app.kubernetes.io/managed-by"] = "helm");

        var ex = await Should.ThrowAsync<KubernetesApiException>(() => fixture.Client.ApplyAsync(ns, force: false, None));

        ex.IsFieldManagerConflict.ShouldBeTrue();
        ex.Causes.ShouldHaveSingleItem().Field.ShouldBe(".metadata.labels.app.kubernetes.io/managed-by");
    }

    [Fact]
    public async Task DeleteAsync_MissingObject_False()
    {
        await using var fixture = await StubFixture.StartAsync();

        (await fixture.Client.DeleteAsync("rbac.authorization.k8s.io/v1", "roles", "default", "nope", None)).ShouldBeFalse();
    }

    [Fact]
    public async Task ConfigMap_CreateReadReplace_CarriesResourceVersionAndKeepsOtherFields()
    {
        await using var fixture = await StubFixture.StartAsync();
        var created = await fixture.Client.CreateConfigMapAsync(
            new ConfigMapObject("kube-system", "aws-auth", KubernetesMetadata.Empty.Add("mapRoles", "[]\n")) { Labels = KubernetesMetadata.Empty.Add("team", "a") }, None);

        var read = await fixture.Client.ReadConfigMapAsync("kube-system", "aws-auth", None);
        var replaced = await fixture.Client.ReplaceConfigMapAsync(read!, read!.Object with { Data = KubernetesMetadata.Empty.Add("mapUsers", "[]\n") }, None);
        var stale = await Should.ThrowAsync<KubernetesApiException>(() => fixture.Client.ReplaceConfigMapAsync(read, read.Object, None));

        read.ResourceVersion.ShouldBe(created.ResourceVersion);
        replaced.Object.Data.Keys.ShouldBe(["mapUsers"]);
        replaced.Object.Labels["team"].ShouldBe("a");
        stale.IsConflict.ShouldBeTrue();
        read.Yaml.ShouldContain("name: aws-auth");
    }

    [Fact]
    public async Task ReviewAccessAsync_AnswersFromStoredRbac()
    {
        await using var fixture = await StubFixture.StartAsync();

        var masters = await fixture.Client.ReviewAccessAsync(new UserInfo("x", ["system:masters"]), AccessRequest.ForResource("delete", "", "nodes"), None);
        var nobody = await fixture.Client.ReviewAccessAsync(new UserInfo("x", ["system:authenticated"]), AccessRequest.ForResource("list", "", "secrets", @namespace: "default"), None);

        masters.Allowed.ShouldBeTrue();
        nobody.Allowed.ShouldBeFalse();
    }

    [Fact]
    public async Task Calls_Forbidden_SurfaceAsKubernetesApiException()
    {
        await using var fixture = await StubFixture.StartAsync();
        fixture.Stub.Forbid = request => request.Resource?.Plural == "customresourcedefinitions";

        var ex = await Should.ThrowAsync<KubernetesApiException>(() => fixture.Client.ReadSnapshotAsync(None));

        ex.Reason.ShouldBe("Forbidden");
        ex.Message.ShouldStartWith("GET apiextensions.k8s.io/v1 customresourcedefinitions: HTTP 403 Forbidden: User \"kubernetes-admin\" cannot list resource");
    }

    [Fact]
    public async Task ReadSnapshotAsync_WrittenAsFiles_LoadsBackIdentically()
    {
        await using var fixture = await StubFixture.StartAsync();
        var desired = DesiredState.Build(TestConfigs.Seed000());
        foreach (var manifest in KubernetesManifestRenderer.Manifests(desired).Where(m => m.Kind != "ConfigMap"))
        {
            await fixture.Client.ApplyAsync(manifest, force: false, None);
        }

        var live = await fixture.Client.ReadSnapshotAsync(None);

        var reloaded = SnapshotLoader.Load(KubernetesSnapshotWriter.Write(live));
        reloaded.Errors.ShouldBeEmpty();
        reloaded.Snapshot.Roles.Length.ShouldBe(live.Roles.Length);
        reloaded.Snapshot.ClusterRoles.Length.ShouldBe(live.ClusterRoles.Length);
        reloaded.Snapshot.ClusterRoles.Single(r => r.Name == "admin").Rules.Length.ShouldBe(live.ClusterRoles.Single(r => r.Name == "admin").Rules.Length);
        reloaded.Snapshot.ServiceAccounts.Length.ShouldBe(live.ServiceAccounts.Length);
    }
}
