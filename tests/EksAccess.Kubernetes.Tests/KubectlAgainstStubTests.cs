using EksAccess.Core.Planning;
using EksAccess.Core.Rendering;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;

namespace EksAccess.Kubernetes.Tests;

/// <summary>
/// The real kubectl against the stub: server-side apply of the manifests eksaccess applies, read back with
/// <c>kubectl get -o yaml</c> — a client that is not ours, checking the stub's paths, content types and apply semantics,
/// and the planner seeing what kubectl wrote as "no changes".
/// </summary>
public sealed class KubectlAgainstStubTests
{
    [Fact]
    public async Task ServerSideApply_DesiredManifests_ReadBackByKubectlAndPlannedAsNoChanges()
    {
        var kubectl = ExternalTool.Require("kubectl", "check the API stub with the real client");
        await using var fixture = await StubFixture.StartAsync();
        fixture.Stub.RequireToken = false;
        var kubeconfig = fixture.Stub.WriteKubeconfig(fixture.Directory);
        var desired = DesiredState.Build(TestConfigs.Seed000()) with { AwsAuth = null };
        var manifests = Path.Combine(fixture.Directory, "k8s");
        Directory.CreateDirectory(manifests);
        foreach (var file in KubernetesManifestRenderer.Render(desired))
        {
            await File.WriteAllTextAsync(Path.Combine(fixture.Directory, file.RelativePath), file.Content, TestContext.Current.CancellationToken);
        }

        string[] common = ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(fixture.Directory, "cache")];
        var apply = await ExternalTool.RunAsync(kubectl, ["apply", "--server-side", "--field-manager=eksaccess", "--validate=false", "-f", manifests, .. common]);
        var get = await ExternalTool.RunAsync(kubectl, ["get", "namespaces,resourcequotas,roles,rolebindings,clusterroles,clusterrolebindings", "-A", "-o", "yaml", .. common]);

        apply.ExitCode.ShouldBe(0, apply.Stderr + "\n" + string.Join("\n", fixture.Stub.Requests));
        apply.Stdout.ShouldContain("role.rbac.authorization.k8s.io/developer-role serverside-applied");
        get.ExitCode.ShouldBe(0, get.Stderr);
        var loaded = SnapshotLoader.Load([new SnapshotFile("kubectl-get.yaml", get.Stdout)]);
        loaded.Errors.ShouldBeEmpty();
        KubernetesPlanner.Plan(desired, loaded.Snapshot, new KubernetesPlanOptions()).Plan.Changes.ShouldBeEmpty();
    }
}
