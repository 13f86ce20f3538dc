using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using EksAccess.Aws.Eks.Model;
using static EksAccess.Cli.Tests.Commands.AwsCli;

namespace EksAccess.Cli.Tests.Commands;

/// <summary>Exit codes and output of plan, apply, doctor and snapshot (moto + the access-entry fake).</summary>
[Collection(AwsSequential.Name)]
public sealed class AwsCommandsTests(AwsTestServers servers)
{
    [Fact]
    public async Task Apply_NoAutoApproveAndNoInput_IsInvalidInputWithHintAndChangesNothing()
    {
        await ResetAsync("prod-eks-cluster", AuthenticationMode.ConfigMap);

        var result = await RunAsync(servers, "apply", "-f", Input("seed001.access.yaml"), "--target", "aws");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldContain("error: apply needs a confirmation");
        result.Stderr.ShouldContain("--auto-approve");
        (await RunAsync(servers, "plan", "-f", Input("seed001.access.yaml"), "--target", "aws")).ExitCode.ShouldBe(ExitCodes.Changes);
    }

    [Fact]
    public async Task Apply_AnsweredNo_DeclinesAndChangesNothing()
    {
        await ResetAsync("prod-eks-cluster", AuthenticationMode.ConfigMap);

        var result = await RunAsync(servers, new StringReader("no\n"), 3, "apply", "-f", Input("seed001.access.yaml"), "--target", "aws");

        result.ExitCode.ShouldBe(ExitCodes.Negative);
        result.Stderr.ShouldContain("Apply these 9 changes? (yes/no) ");
        result.Stdout.ShouldContain("Apply cancelled");
        (await RunAsync(servers, "plan", "-f", Input("seed001.access.yaml"), "--target", "aws")).ExitCode.ShouldBe(ExitCodes.Changes);
    }

    [Fact]
    public async Task Apply_AnsweredYes_Applies()
    {
        await ResetAsync("prod-eks-cluster", AuthenticationMode.ConfigMap);

        var result = await RunAsync(servers, new StringReader("yes\n"), 3, "apply", "-f", Input("seed001.access.yaml"), "--target", "aws");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldContain("Apply complete: 9 changes applied.");
    }

    [Fact]
    public async Task Apply_InContinuousIntegrationWithoutAutoApprove_Refuses()
    {
        await ResetAsync("prod-eks-cluster", AuthenticationMode.ConfigMap);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = Context(servers, stdout, stderr, new StringReader("yes\n")) with { IsContinuousIntegration = true };

        var exitCode = await EksAccessApp.RunAsync(["apply", "-f", Input("seed001.access.yaml"), "--target", "aws"], context);

        exitCode.ShouldBe(3);
        stderr.ToString().ShouldContain("CI is set");
    }

    [Fact]
    public async Task Apply_DryRun_ShowsCallsAndChangesNothing()
    {
        await ResetAsync("prod-eks-cluster", AuthenticationMode.ConfigMap);

        var result = await RunAsync(servers, "apply", "-f", Input("seed001.access.yaml"), "--target", "aws", "--dry-run");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Stderr.ShouldContain("[1/9] would call iam:CreateUser dev-alice (dry run)");
        result.Stdout.ShouldContain("Dry run: 9 changes not applied.");
        (await RunAsync(servers, "plan", "-f", Input("seed001.access.yaml"), "--target", "aws")).ExitCode.ShouldBe(ExitCodes.Changes);
    }

    [Fact]
    public async Task Plan_ModeWouldGoBackwards_IsInvalidInputAndApplyRefuses()
    {
        await ResetAsync("my-cluster", AuthenticationMode.Api);

        var plan = await RunAsync(servers, "plan", "-f", Input("seed000.access.yaml"), "--target", "aws");
        var apply = await RunAsync(servers, "apply", "-f", Input("seed000.access.yaml"), "--target", "aws", "--auto-approve", "--force");

        plan.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        plan.Stdout.ShouldContain("REFUSED: EKS changes the authentication mode one way only");
        plan.Stderr.ShouldStartWith("error: 1 planned change is refused");
        apply.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        apply.Stderr.ShouldContain("error: nothing applied");
        (await RunAsync(servers, "plan", "-f", Input("seed000.access.yaml"), "--target", "aws", "-o", "json")).Stdout.ShouldContain("\"create\": 11");
    }

    [Fact]
    public async Task Plan_UnreachableEndpoint_IsARemoteFailureWithOneLineNamingOperationAndCode()
    {
        var result = await RunAsync(servers, stdin: null, maxAttempts: 1, "plan", "-f", Input("seed001.access.yaml"), "--target", "aws", "--endpoint-url", $"http://127.0.0.1:{AwsTestServers.FreePort()}");

        result.ExitCode.ShouldBe(ExitCodes.RemoteFailure);
        var line = result.Stderr.Trim().ShouldNotBeNull();
        line.Split('\n').Length.ShouldBe(1);
        line.ShouldStartWith("error: cannot read the AWS state: AWS ");
        line.ShouldContain("failed: RequestFailed");
    }

    [Fact]
    public async Task Plan_BadEndpointUrl_IsInvalidInput()
    {
        var result = await RunAsync(servers, "plan", "-f", Input("seed001.access.yaml"), "--endpoint-url", "not a url");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldContain("--endpoint-url 'not a url' is not an http(s) URL");
    }

    [Fact]
    public async Task Plan_KubernetesTargetWithoutKubeconfig_IsInvalidInput()
    {
        var result = await RunAsync(servers, "plan", "-f", Input("seed001.access.yaml"), "--target", "kubernetes");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: cannot read the Kubernetes state: Kubernetes configuration: no kubeconfig found — pass --kubeconfig FILE");
    }

    [Fact]
    public async Task Plan_InvalidConfig_IsInvalidInput()
    {
        var result = await RunAsync(servers, "plan", "-f", Input("missing.yaml"));

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
    }

    [Fact]
    public async Task Doctor_FreshApiCluster_FailsOnLoggingAndAdminPath()
    {
        await ResetAsync("doc-cluster", AuthenticationMode.Api);

        var result = await RunAsync(servers, "doctor", "--cluster", "doc-cluster", "--region", "us-east-1");

        result.ExitCode.ShouldBe(ExitCodes.Negative, result.Stderr);
        // moto makes up the endpoint's host for each cluster.
        Golden.Verify(Regex.Replace(result.Stdout, @"https://\S+\.eks\.amazonaws\.com/", "https://<endpoint>/"), "Doctor", "FreshApiCluster");
        result.Stdout.ShouldStartWith("CHECK");
        var rows = result.Stdout.Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        rows.ShouldContain("caller ok arn:aws:sts::123456789012:user/moto");
        rows.ShouldContain("cluster active ok ACTIVE");
        rows.ShouldContain("access entries usable ok yes (API)");
        rows.ShouldContain(r => r.StartsWith("caller cluster-admin fail no: no access entry for the caller", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_ConfigMapClusterJson_ReportsUnknownAdminPathAndUnusableEntries()
    {
        await ResetAsync("doc-cluster", AuthenticationMode.ConfigMap);

        var result = await RunAsync(servers, "doctor", "--cluster", "doc-cluster", "-o", "json");

        result.ExitCode.ShouldBe(ExitCodes.Negative);
        var json = JsonNode.Parse(result.Stdout)!;
        var checks = json["checks"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => ((string)c!["status"]!, (string)c["detail"]!), StringComparer.Ordinal);
        checks["caller cluster-admin"].ShouldBe(("unknown", "unknown (aws-auth not readable without Kubernetes)"));
        checks["access entries usable"].Item1.ShouldBe("fail");
        checks["authentication mode"].ShouldBe(("info", "CONFIG_MAP"));
        ((bool)json["ok"]!).ShouldBeFalse();
    }

    [Fact]
    public async Task Doctor_UnknownCluster_FailsTheCheck()
    {
        await ResetAsync("other", AuthenticationMode.Api);

        var result = await RunAsync(servers, "doctor", "--cluster", "nope");

        result.ExitCode.ShouldBe(ExitCodes.Negative);
        result.Stdout.ShouldContain("cluster exists   fail");
    }

    [Fact]
    public async Task Doctor_Unreachable_IsARemoteFailure()
    {
        var result = await RunAsync(servers, stdin: null, maxAttempts: 1, "doctor", "--cluster", "x", "--endpoint-url", $"http://127.0.0.1:{AwsTestServers.FreePort()}");

        result.ExitCode.ShouldBe(ExitCodes.RemoteFailure);
        result.Stderr.ShouldStartWith("error: doctor cannot reach AWS: AWS ");
    }

    [Fact]
    public async Task Snapshot_AfterApply_WritesClusterAndAccessEntriesThatLoad()
    {
        await ResetAsync("my-cluster", AuthenticationMode.ApiAndConfigMap);
        (await RunAsync(servers, "apply", "-f", Input("seed000.access.yaml"), "--target", "aws", "--auto-approve")).ExitCode.ShouldBe(ExitCodes.Success);
        var directory = Path.Combine(Directory.CreateTempSubdirectory("eksaccess-snap-").FullName, "snap");

        var result = await RunAsync(servers, "snapshot", "--output-dir", directory, "--cluster", "my-cluster");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldContain("cluster.json");
        result.Stdout.ShouldContain("access-entries.json");
        var loaded = SnapshotDirectory.Read(directory);
        loaded.Snapshot.Cluster.ShouldNotBeNull().Name.ShouldBe("my-cluster");
        loaded.Snapshot.AccessEntries.Length.ShouldBe(4);
        var whoami = await RunAsync(servers, "whoami", "--as-arn", "arn:aws:iam::123456789012:user/dev-john", "--snapshot", directory);
        whoami.Stdout.ShouldContain("dev-john");
    }

    [Fact]
    public async Task Snapshot_WithoutClusterAndOneInTheRegion_UsesIt()
    {
        await ResetAsync("only-one", AuthenticationMode.Api);
        var directory = Path.Combine(Directory.CreateTempSubdirectory("eksaccess-snap-").FullName, "snap");

        var result = await RunAsync(servers, "snapshot", "--output-dir", directory);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        (await File.ReadAllTextAsync(Path.Combine(directory, "cluster.json"), Token)).ShouldContain("\"name\": \"only-one\"");
    }

    private async Task ResetAsync(string cluster, string mode)
    {
        await servers.ResetForClassAsync(typeof(object));
        await servers.ResetForClassAsync(GetType());
        await CreateClusterAsync(servers, cluster, mode);
    }
}
