using System.Collections.Immutable;
using EksAccess.Cli.Commands;
using EksAccess.Cli.Tests.Fakes;
using EksAccess.Core.Config;
using EksAccess.Core.Snapshots;
using k8s.Models;

namespace EksAccess.Cli.Tests.Commands;

public sealed class RenderCommandTests : IDisposable
{
    private static readonly string[] Seed000K8sFiles =
    [
        "k8s/00-namespace-dev-apps.yaml",
        "k8s/01-resourcequota-dev-apps-dev-apps-quota.yaml",
        "k8s/02-limitrange-dev-apps-dev-apps-limits.yaml",
        "k8s/03-clusterrole-developer-cluster-readonly.yaml",
        "k8s/04-role-dev-apps-developer-role.yaml",
        "k8s/05-rolebinding-dev-apps-dev-team-developer-role.yaml",
        "k8s/06-clusterrolebinding-dev-team-developer-cluster-readonly.yaml",
        "k8s/07-configmap-kube-system-aws-auth.yaml",
    ];

    private readonly string _temp = Directory.CreateTempSubdirectory("eksaccess-render-").FullName;

    public void Dispose()
    {
        Directory.Delete(_temp, recursive: true);
    }

    [Fact]
    public async Task Run_UnknownFormat_ExitsInvalidInputListingFormats()
    {
        var result = await CliRunner.RunAsync("render", "-f", "access.yaml", "--format", "helm");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: unknown --format 'helm'");
        result.Stderr.ShouldContain("iam, k8s");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_MissingFormat_ExitsInvalidInput()
    {
        var result = await CliRunner.RunAsync("render", "-f", "access.yaml");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: ");
    }

    [Fact]
    public async Task Run_Example000WithOutputDirectory_WritesExactlyTheK8sFiles()
    {
        var output = Path.Combine(_temp, "out");

        var result = await CliRunner.RunAsync("render", "-f", Path.Combine(TestFiles.RepositoryRoot, "examples", "000-developer-access", "access.yaml"), "--format", "k8s", "--output-dir", output);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        string[] expected = [.. Seed000K8sFiles.Where(f => !f.Contains("limitrange", StringComparison.Ordinal))];
        ListFiles(output).ShouldBe(expected);
        result.Stdout.ShouldBe(string.Concat(expected.Select(f => Path.Combine(output, f) + "\n")));
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_Example000Iam_PrintsGeneratedPoliciesToStdout()
    {
        var result = await CliRunner.RunAsync("render", "-f", Path.Combine(TestFiles.RepositoryRoot, "examples", "000-developer-access", "access.yaml"), "--format", "iam");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldContain("# ==> iam/users/dev-john/EKSDescribeCluster.json <==\n");
    }

    [Fact]
    public async Task Run_MissingConfigFile_ExitsInvalidInputWithoutOutput()
    {
        var output = Path.Combine(_temp, "out");

        var result = await CliRunner.RunAsync("render", "-f", Path.Combine(_temp, "nope.yaml"), "--format", "k8s", "--output-dir", output);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: ");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public async Task RunAsync_K8sToStdout_EveryDocumentLoadsIntoTypedKubernetesModels()
    {
        var (exitCode, stdout, _) = await RenderAsync(new RenderCommand.Request("access.yaml", "k8s", null));

        exitCode.ShouldBe(0);
        var objects = k8s.KubernetesYaml.LoadAllFromString(stdout, typeMap: null, strict: true);
        objects.Select(o => o.GetType()).ShouldBe(
        [
            typeof(V1Namespace), typeof(V1ResourceQuota), typeof(V1LimitRange), typeof(V1ClusterRole),
            typeof(V1Role), typeof(V1RoleBinding), typeof(V1ClusterRoleBinding), typeof(V1ConfigMap),
        ]);
        objects.Cast<IMetadata<V1ObjectMeta>>().ShouldAllBe(o => o.Metadata.Labels["app.kubernetes.io/managed-by"] == "eksaccess");
        objects.OfType<V1ResourceQuota>().Single().Spec.Hard["requests.memory"].ToString().ShouldBe("8Gi");
        objects.OfType<V1LimitRange>().Single().Spec.Limits.Single().DefaultProperty["cpu"].ToString().ShouldBe("500m");
        var binding = objects.OfType<V1RoleBinding>().Single();
        binding.RoleRef.ApiGroup.ShouldBe("rbac.authorization.k8s.io");
        binding.Subjects.Single().ApiGroup.ShouldBe("rbac.authorization.k8s.io");
        objects.OfType<V1ConfigMap>().Single().Data["mapRoles"].ShouldStartWith("- rolearn: arn:aws:iam::111122223333:role/EKSNodeRole\n");
    }

    [Fact]
    public async Task RunAsync_IamToStdout_EachFileAfterAHeaderLine()
    {
        var (exitCode, stdout, _) = await RenderAsync(new RenderCommand.Request("access.yaml", "iam", null));

        exitCode.ShouldBe(0);
        stdout.ShouldStartWith("# ==> iam/roles/EKSDeveloperRole/trust-policy.json <==\n{\n");
        stdout.ShouldContain("\n}\n# ==> iam/users/dev-john/EKSDescribeCluster.json <==\n{\n");
    }

    [Fact]
    public async Task RunAsync_OutputDirectory_WritesExactlyTheRenderedFilesAndListsThem()
    {
        var output = Path.Combine(_temp, "out");

        var (exitCode, stdout, stderr) = await RenderAsync(new RenderCommand.Request("access.yaml", "k8s", output));

        exitCode.ShouldBe(0, stderr);
        ListFiles(output).ShouldBe(Seed000K8sFiles);
        stdout.ShouldBe(string.Concat(Seed000K8sFiles.Select(f => Path.Combine(output, f) + "\n")));
        Directory.GetFileSystemEntries(_temp).ShouldBe([output]);
    }

    [Fact]
    public async Task RunAsync_OutputDirectoryWithStaleFile_OverwritesAndWarnsAboutTheStaleOne()
    {
        var output = Path.Combine(_temp, "out");
        Directory.CreateDirectory(Path.Combine(output, "k8s"));
        await File.WriteAllTextAsync(Path.Combine(output, "k8s", "05-rolebinding-dev-apps-old.yaml"), "old", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(output, Seed000K8sFiles[0]), "old", TestContext.Current.CancellationToken);

        var (exitCode, _, stderr) = await RenderAsync(new RenderCommand.Request("access.yaml", "k8s", output));

        exitCode.ShouldBe(0);
        (await File.ReadAllTextAsync(Path.Combine(output, Seed000K8sFiles[0]), TestContext.Current.CancellationToken)).ShouldStartWith("apiVersion: v1\n");
        stderr.ShouldContain("05-rolebinding-dev-apps-old.yaml was not rendered this time");
        Directory.GetFileSystemEntries(_temp).ShouldBe([output]);
    }

    [Fact]
    public async Task RunAsync_OutputDirectory_KubectlClientDryRunAcceptsEveryManifest()
    {
        var kubectl = ExternalTool.Require("kubectl", "check the rendered manifests (apt-get install kubectl, or use the machine image)");

        var output = Path.Combine(_temp, "out");
        (await RenderAsync(new RenderCommand.Request("access.yaml", "k8s", output))).ExitCode.ShouldBe(ExitCodes.Success);
        await using var stub = KubeDiscoveryStub.Start();
        var kubeconfig = Path.Combine(_temp, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, stub.Kubeconfig(), TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ExternalTool.RunAsync(
            kubectl,
            [
                "apply", "--dry-run=client", "--validate=false", "-f", Path.Combine(output, "k8s"),
                "--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(_temp, "kube-cache"),
            ],
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["KUBECONFIG"] = "" });

        exitCode.ShouldBe(0, $"kubectl failed: {stderr}\nrequests: {string.Join(", ", stub.Requests)}");
        stdout.ShouldContain("namespace/dev-apps created (dry run)");
        stdout.ShouldContain("resourcequota/dev-apps-quota created (dry run)");
        stdout.ShouldContain("limitrange/dev-apps-limits created (dry run)");
        stdout.ShouldContain("clusterrole.rbac.authorization.k8s.io/developer-cluster-readonly created (dry run)");
        stdout.ShouldContain("role.rbac.authorization.k8s.io/developer-role created (dry run)");
        stdout.ShouldContain("rolebinding.rbac.authorization.k8s.io/dev-team-developer-role created (dry run)");
        stdout.ShouldContain("clusterrolebinding.rbac.authorization.k8s.io/dev-team-developer-cluster-readonly created (dry run)");
        stdout.ShouldContain("configmap/aws-auth created (dry run)");
    }

    /// <summary>Seed 000 plus a LimitRange, so every kind the renderer writes is present.</summary>
    private static AccessConfig Config()
    {
        var seed = TestConfigs.Seed000();
        var limits = new LimitRangeItem(
            "Container",
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("cpu", "500m"), KeyValuePair.Create("memory", "512Mi")]),
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("cpu", "100m")]),
            ImmutableSortedDictionary<string, string>.Empty,
            ImmutableSortedDictionary<string, string>.Empty);
        return seed with { Namespaces = [seed.Namespaces[0] with { LimitRange = new LimitRangeConfig(null, [limits]) }] };
    }

    private static async Task<CliResult> RenderAsync(RenderCommand.Request request)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await RenderCommand.RunAsync(request, Config(), new CliContext(stdout, stderr, TimeProvider.System), TestContext.Current.CancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string[] ListFiles(string directory) =>
    [
        .. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal),
    ];
}
