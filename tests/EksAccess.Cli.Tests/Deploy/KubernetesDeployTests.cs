using EksAccess.Cli.Commands;
using EksAccess.Cli.Tests.Fakes;
using YamlDotNet.RepresentationModel;

namespace EksAccess.Cli.Tests.Deploy;

/// <summary>deploy/kubernetes: kustomize renders it, kubectl accepts it (client dry run), and its pods are locked down.</summary>
public sealed class KubernetesDeployTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("eksaccess-deploy-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Kustomization_KubectlApplyClientDryRun_AcceptsEveryObject()
    {
        var kubectl = ExternalTool.Require("kubectl", "check deploy/kubernetes with kubectl apply --dry-run=client");
        var manifests = await DeployManifests.RenderAsync();
        await using var stub = KubeDiscoveryStub.Start();
        var kubeconfig = Path.Combine(_temp, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, stub.Kubeconfig(), TestContext.Current.CancellationToken);

        // kubectl kustomize deploy/kubernetes | kubectl apply --dry-run=client -f - (the stub serves discovery, not the
        // OpenAPI schema, hence --validate=false as in RenderCommandTests; kubectl still maps every kind to a resource).
        var (exitCode, stdout, stderr) = await ExternalTool.RunAsync(
            kubectl,
            ["apply", "--dry-run=client", "--validate=false", "-f", "-", "--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(_temp, "kube-cache")],
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["KUBECONFIG"] = "" },
            stdin: manifests.Yaml);

        exitCode.ShouldBe(0, $"kubectl failed: {stderr}\nrequests: {string.Join(", ", stub.Requests)}");
        stdout.ShouldContain("namespace/eksaccess created (dry run)");
        stdout.ShouldContain("serviceaccount/eksaccess created (dry run)");
        stdout.ShouldContain("cronjob.batch/eksaccess-prune created (dry run)");
        stdout.ShouldContain("cronjob.batch/eksaccess-verify created (dry run)");
        stdout.ShouldContain("role.rbac.authorization.k8s.io/eksaccess-aws-auth created (dry run)");
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(manifests.Documents.Count);
    }

    [Fact]
    public async Task CronJobs_EveryFifteenMinutes_RunExactlyPruneAndVerifyAsTheAutomationServiceAccount()
    {
        var manifests = await DeployManifests.RenderAsync();
        var config = ConfigLoader.LoadValid(Path.Combine(DeployManifests.Directory, "access.yaml"));
        var automation = config.Automation.ShouldNotBeNull();

        var prune = manifests.Get("CronJob", "eksaccess-prune");
        var verify = manifests.Get("CronJob", "eksaccess-verify");

        DeployManifests.Strings(DeployManifests.Node(DeployManifests.Container(prune), "args")).ShouldBe(["prune", "--cluster", config.Cluster.Name]);
        DeployManifests.Strings(DeployManifests.Node(DeployManifests.Container(verify), "args")).ShouldBe(["verify", "--live", "-f", "/config/access.yaml"]);
        foreach (var job in new[] { prune, verify })
        {
            DeployManifests.Text(job, "metadata", "namespace").ShouldBe(automation.Namespace);
            DeployManifests.Text(DeployManifests.PodSpec(job), "serviceAccountName").ShouldBe(automation.ServiceAccount);
            CronMinutes(DeployManifests.Text(job, "spec", "schedule")!).ShouldBe(4, "every 15 minutes");
            DeployManifests.Text(job, "spec", "concurrencyPolicy").ShouldBe("Forbid");
        }

        var serviceAccount = manifests.Get("ServiceAccount", automation.ServiceAccount);
        DeployManifests.Text(serviceAccount, "metadata", "namespace").ShouldBe(automation.Namespace);
        DeployManifests.Text(serviceAccount, "metadata", "annotations", "eks.amazonaws.com/role-arn")
            .ShouldBe($"arn:aws:iam::{config.Cluster.AccountId}:role/{automation.RoleName}");
    }

    [Fact]
    public async Task CronJobPods_NonRootReadOnlyRootNoPrivilegeEscalation_WritableHomeOnly()
    {
        var manifests = await DeployManifests.RenderAsync();

        foreach (var job in manifests.OfKind("CronJob"))
        {
            var pod = DeployManifests.PodSpec(job);
            var container = DeployManifests.Container(job);
            DeployManifests.Text(pod, "securityContext", "runAsNonRoot").ShouldBe("true");
            int.Parse(DeployManifests.Text(pod, "securityContext", "runAsUser")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            DeployManifests.Text(pod, "securityContext", "seccompProfile", "type").ShouldBe("RuntimeDefault");
            DeployManifests.Text(container, "securityContext", "readOnlyRootFilesystem").ShouldBe("true");
            DeployManifests.Text(container, "securityContext", "allowPrivilegeEscalation").ShouldBe("false");
            DeployManifests.Strings(DeployManifests.Node(container, "securityContext", "capabilities", "drop")).ShouldBe(["ALL"]);

            // HOME (token cache, aws-auth backups) is the one writable mount, an emptyDir; everything else is read-only.
            var home = ((YamlSequenceNode)DeployManifests.Node(container, "env")!).Children.Cast<YamlMappingNode>().Single(e => DeployManifests.Text(e, "name") == "HOME");
            var mounts = ((YamlSequenceNode)DeployManifests.Node(container, "volumeMounts")!).Children.Cast<YamlMappingNode>().ToList();
            var writable = mounts.Where(m => DeployManifests.Text(m, "readOnly") != "true").ShouldHaveSingleItem();
            DeployManifests.Text(writable, "mountPath").ShouldBe(DeployManifests.Text(home, "value"));
            var volume = ((YamlSequenceNode)DeployManifests.Node(pod, "volumes")!).Children.Cast<YamlMappingNode>().Single(v => DeployManifests.Text(v, "name") == DeployManifests.Text(writable, "name"));
            DeployManifests.Node(volume, "emptyDir").ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task Rbac_NoWildcardsNoSecretsNoEscalation_AwsAuthByNameOnly()
    {
        var manifests = await DeployManifests.RenderAsync();

        var grants = RbacRules.For(manifests, "eksaccess", "eksaccess").Grants().ToList();

        grants.ShouldNotBeEmpty();
        grants.ShouldAllBe(g => !g.Contains('*'));
        grants.ShouldNotContain(g => g.Contains("secrets", StringComparison.Ordinal));
        grants.ShouldNotContain(g => g.StartsWith("bind ", StringComparison.Ordinal) || g.StartsWith("escalate ", StringComparison.Ordinal) || g.StartsWith("impersonate ", StringComparison.Ordinal));
        grants.Where(g => g.Contains("configmaps", StringComparison.Ordinal)).ShouldBe(["get configmaps -n kube-system aws-auth", "update configmaps -n kube-system aws-auth"]);
        grants.Where(g => g.StartsWith("delete ", StringComparison.Ordinal)).ShouldBe(["delete rolebindings.rbac.authorization.k8s.io", "delete clusterrolebindings.rbac.authorization.k8s.io"]);
    }

    [Fact]
    public async Task IamPolicyFile_IsRenderFormatIamOfTheMountedConfig()
    {
        var config = ConfigLoader.LoadValid(Path.Combine(DeployManifests.Directory, "access.yaml"));
        var output = Path.Combine(_temp, "iam");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await RenderCommand.RunAsync(new RenderCommand.Request(Path.Combine(DeployManifests.Directory, "access.yaml"), "iam", output), new CliContext(stdout, stderr, TimeProvider.System), TestContext.Current.CancellationToken);

        exitCode.ShouldBe(0, stderr.ToString());
        var rendered = await File.ReadAllTextAsync(Path.Combine(output, "iam", "roles", config.Automation!.RoleName, "EksAccessAutomation.json"), TestContext.Current.CancellationToken);
        var committed = await File.ReadAllTextAsync(Path.Combine(DeployManifests.Directory, "iam-policy.json"), TestContext.Current.CancellationToken);
        committed.ReplaceLineEndings("\n").ShouldBe(rendered, "deploy/kubernetes/iam-policy.json is stale: re-render it (see the comment at the top of deploy/kubernetes/access.yaml)");
    }

    /// <summary>How many times an hour a "M H * * *" schedule with a */N or A-B/N minute field fires (every hour).</summary>
    private static int CronMinutes(string schedule)
    {
        var fields = schedule.Split(' ');
        fields.Length.ShouldBe(5);
        fields[1..].ShouldAllBe(f => f == "*");
        var minute = fields[0];
        var slash = minute.IndexOf('/', StringComparison.Ordinal);
        slash.ShouldBeGreaterThan(0, schedule);
        var step = int.Parse(minute[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var range = minute[..slash];
        var start = range == "*" ? 0 : int.Parse(range.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(start, 60 - start).Count(m => (m - start) % step == 0);
    }
}
