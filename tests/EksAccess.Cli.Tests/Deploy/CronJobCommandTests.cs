using EksAccess.Cli.Tests.Commands;
using EksAccess.KubeStub;
using EksAccess.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace EksAccess.Cli.Tests.Deploy;

/// <summary>
/// The CronJobs of deploy/kubernetes run for real: their command lines are read from the rendered CronJob (not retyped),
/// the ConfigMap is "mounted" into a directory standing for its mountPath, and the CLI runs them against moto and the
/// AWS fakes, with the Kubernetes API stub refusing (403) everything the job's RBAC does not grant — so a missing rule
/// fails the command, and a rule no command uses fails the test.
/// </summary>
[Collection(AwsSequential.Name)]
public sealed class CronJobCommandTests(AwsTestServers servers) : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("eksaccess-cronjob-").FullName;
    private KubeApiStub _stub = null!;
    private string _kubeconfig = "";

    public async ValueTask InitializeAsync()
    {
        _stub = await KubeApiStub.StartAsync();
        _kubeconfig = _stub.WriteKubeconfig(_directory);
        await servers.ResetForClassAsync(typeof(object));
        await servers.ResetForClassAsync(GetType());
        await AwsCli.CreateClusterAsync(servers, "my-cluster", EksAccess.Aws.Eks.Model.AuthenticationMode.ApiAndConfigMap);
    }

    public async ValueTask DisposeAsync()
    {
        await _stub.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task VerifyCronJob_ExactCommandLine_PassesWithOnlyTheJobsRbac()
    {
        var manifests = await DeployManifests.RenderAsync();
        var job = manifests.Get("CronJob", "eksaccess-verify");
        var args = MountedArgs(manifests, job);
        var config = args[Array.IndexOf(args, "-f") + 1];
        (await AwsCli.RunAsync(servers, "apply", "-f", config, "--auto-approve", "--kubeconfig", _kubeconfig)).ExitCode.ShouldBe(0);
        var rbac = RbacRules.For(manifests, "eksaccess", "eksaccess");
        var seen = TrackRequests(rbac);

        var result = await RunAsJobAsync(args);

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        result.Stdout.ShouldContain("5 passed, 0 failed (0 disagreeing with the model) against cluster my-cluster (live)");
        // Exactly what verify calls: every read rule and the SubjectAccessReview were used.
        seen.Used.Order(StringComparer.Ordinal).ShouldBe(
            rbac.Grants().Where(g => !g.StartsWith("delete ", StringComparison.Ordinal) && !g.StartsWith("update ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        seen.Refused.ShouldBeEmpty();
    }

    [Fact]
    public async Task PruneCronJob_ExactCommandLine_NothingExpired_ExitsZeroWithOnlyTheJobsRbac()
    {
        // `eksaccess prune` comes with issue 15's expiry work (branch expiry): until it is merged this fails with
        // "unknown command" (exit 3).
        var manifests = await DeployManifests.RenderAsync();
        var job = manifests.Get("CronJob", "eksaccess-prune");
        var args = MountedArgs(manifests, job);
        (await AwsCli.RunAsync(servers, "apply", "-f", Path.Combine(DeployManifests.Directory, "access.yaml"), "--auto-approve", "--kubeconfig", _kubeconfig)).ExitCode.ShouldBe(0);
        var seen = TrackRequests(RbacRules.For(manifests, "eksaccess", "eksaccess"));

        var result = await RunAsJobAsync(args);

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        seen.Refused.ShouldBeEmpty();
    }

    /// <summary>The container's args with each mountPath they name replaced by a directory holding the ConfigMap's files.</summary>
    private string[] MountedArgs(DeployManifests manifests, YamlMappingNode job)
    {
        var container = DeployManifests.Container(job);
        DeployManifests.Strings(DeployManifests.Node(container, "command")).ShouldBe([Containerfile.Read().Entrypoint]);
        var args = DeployManifests.Strings(DeployManifests.Node(container, "args"));
        var mountPaths = DeployManifests.Node(container, "volumeMounts") is YamlSequenceNode mounts
            ? mounts.Children.Select(m => DeployManifests.Text(m, "mountPath")!).ToList()
            : [];
        foreach (var mountPath in mountPaths.Where(p => args.Any(a => a.StartsWith(p + "/", StringComparison.Ordinal))))
        {
            var directory = manifests.Mount(job, mountPath, Path.Combine(_directory, "mount" + mountPath.Replace('/', '-')));
            args = [.. args.Select(a => a.StartsWith(mountPath + "/", StringComparison.Ordinal) ? directory + a[mountPath.Length..] : a)];
        }

        return args;
    }

    private (List<string> Used, List<string> Refused) TrackRequests(RbacRules rbac)
    {
        var used = new List<string>();
        var refused = new List<string>();
        _stub.Forbid = request =>
        {
            lock (used)
            {
                if (!rbac.Allows(request))
                {
                    refused.Add($"{request.Verb} {request.Path}");
                    return true;
                }

                if (rbac.GrantUsedBy(request) is { } grant && !used.Contains(grant))
                {
                    used.Add(grant);
                }

                return false;
            }
        };
        return (used, refused);
    }

    /// <summary>
    /// Runs the args as the pod would: no --kubeconfig (in the pod the ServiceAccount's in-cluster config is found the
    /// same way, after KUBECONFIG and ~/.kube/config), here KUBECONFIG names the stub.
    /// </summary>
    private async Task<CliResult> RunAsJobAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = AwsCli.Context(servers, stdout, stderr) with
        {
            KubernetesDefaults = new KubernetesConnectionOptions { EnvironmentVariables = name => name == "KUBECONFIG" ? _kubeconfig : null },
        };
        var exitCode = await EksAccessApp.RunAsync(args, context);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
