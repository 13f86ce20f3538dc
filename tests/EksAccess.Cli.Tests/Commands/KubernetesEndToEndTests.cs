using System.Text.Json.Nodes;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Iam;
using EksAccess.Aws.Iam.Model;
using EksAccess.Core.Snapshots;
using EksAccess.KubeStub;
using EksAccess.Core.AwsAuth;
using static EksAccess.Cli.Tests.Commands.AwsCli;

namespace EksAccess.Cli.Tests.Commands;

/// <summary>
/// plan → apply → plan → verify --live → revoke, end to end: the AWS half against moto and the access-entry fake, the
/// Kubernetes half against the in-process API stub, all through the CLI.
/// </summary>
[Collection(AwsSequential.Name)]
public sealed class KubernetesEndToEndTests(AwsTestServers servers) : IAsyncLifetime
{
    private const string Account = "123456789012";
    private const string John = $"arn:aws:iam::{Account}:user/dev-john";
    private const string KarpenterNode = "- rolearn: arn:aws:iam::123456789012:role/karpenter-node\n  username: system:node:{{EC2PrivateDNSName}}\n  groups:\n  - system:bootstrappers\n  - system:nodes\n";
    private static readonly KubeResource ConfigMaps = KubeResource.ByPlural("configmaps");

    private readonly string _directory = Directory.CreateTempSubdirectory("eksaccess-e2e-").FullName;
    private KubeApiStub _stub = null!;
    private string _kubeconfig = "";

    public async ValueTask InitializeAsync()
    {
        _stub = await KubeApiStub.StartAsync();
        _kubeconfig = _stub.WriteKubeconfig(_directory);
        await servers.ResetForClassAsync(typeof(object));
        await servers.ResetForClassAsync(GetType());
        await CreateClusterAsync(servers, "my-cluster", EksAccess.Aws.Eks.Model.AuthenticationMode.ApiAndConfigMap);
    }

    public async ValueTask DisposeAsync()
    {
        await _stub.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Seed000_PlanApplyReplanAndVerifyLive()
    {
        var file = Input("seed000.access.yaml");

        var plan = await RunAsync("plan", "-f", file);
        var apply = await RunAsync("apply", "-f", file, "--auto-approve");
        var again = await RunAsync("plan", "-f", file);
        var verify = await RunAsync("verify", "-f", file, "--live");

        plan.ExitCode.ShouldBe(ExitCodes.Changes, plan.Stderr);
        plan.Stdout.ShouldContain("+ create kubernetes Role dev-apps/developer-role  (PATCH apply rbac.authorization.k8s.io/v1 roles dev-apps/developer-role)");
        plan.Stdout.ShouldContain("+ create kubernetes aws-auth kube-system/aws-auth  (POST v1 configmaps kube-system/aws-auth)");
        plan.Stdout.ShouldContain("+ create aws access-entry");
        apply.ExitCode.ShouldBe(ExitCodes.Success, apply.Stdout + apply.Stderr);
        apply.Stderr.ShouldContain("[7/7] aws-auth: written");
        again.ExitCode.ShouldBe(ExitCodes.Success, again.Stdout + again.Stderr);
        again.Stdout.ShouldContain("No changes.");
        verify.ExitCode.ShouldBe(ExitCodes.Success, verify.Stdout + verify.Stderr);
        verify.Stdout.ShouldContain("16 passed, 0 failed (0 disagreeing with the model) against cluster my-cluster (live)");
        verify.Stdout.ShouldContain("allow (access policy; SAR: deny)");
        _stub.Requests.Count(r => r.Resource?.Plural == "subjectaccessreviews").ShouldBe(16);
    }

    [Fact]
    public async Task VerifyLive_RbacChangedBehindTheModel_ReportsDrift()
    {
        var file = Input("seed000.access.yaml");
        (await RunAsync("apply", "-f", file, "--auto-approve")).ExitCode.ShouldBe(ExitCodes.Success);
        var forbidden = false;
        _stub.BeforeRequest = request =>
        {
            // Someone binds dev-team to view secrets in default right after verify read the cluster.
            if (!forbidden && request.Resource?.Plural == "subjectaccessreviews")
            {
                forbidden = true;
                _stub.Store.Create(KubeResource.ByPlural("rolebindings"), "default", (JsonObject)JsonNode.Parse("""
                    {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"sneaky","namespace":"default"},
                     "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"admin"},
                     "subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"dev-team"}]}
                    """)!, "kubectl-create");
            }

            return Task.CompletedTask;
        };

        var verify = await RunAsync("verify", "-f", file, "--live");

        verify.ExitCode.ShouldBe(ExitCodes.Negative);
        verify.Stdout.ShouldContain("DRIFT");
        verify.Stderr.ShouldContain("should be denied to 'list secrets -n default': the cluster answers allow where the model predicts deny for user dev-john");
    }

    [Fact]
    public async Task Apply_ForeignNodeRoleAndConcurrentEdit_AreKeptAndMerged()
    {
        (await RunAsync("apply", "-f", Input("seed000.access.yaml"), "--auto-approve")).ExitCode.ShouldBe(ExitCodes.Success);
        _stub.Store.Edit(ConfigMaps, "kube-system", "aws-auth", obj => obj["data"]!["mapRoles"] = (string?)obj["data"]!["mapRoles"] + KarpenterNode, "eksctl");
        var injected = false;
        _stub.BeforeRequest = request =>
        {
            if (!injected && request.Method == "PUT" && request.Name == "aws-auth")
            {
                injected = true;
                _stub.Store.Edit(ConfigMaps, "kube-system", "aws-auth", obj =>
                    obj["data"]!["mapUsers"] = (string?)obj["data"]!["mapUsers"] + "- userarn: arn:aws:iam::123456789012:user/ops\n  username: ops\n  groups: [ops]\n");
            }

            return Task.CompletedTask;
        };
        var withJane = WithJane();

        var apply = await RunAsync("apply", "-f", withJane, "--auto-approve");
        var again = await RunAsync("plan", "-f", withJane);

        apply.ExitCode.ShouldBe(ExitCodes.Success, apply.Stdout + apply.Stderr);
        injected.ShouldBeTrue();
        apply.Stderr.ShouldContain("aws-auth: changed by someone else since it was read (Conflict); reading it again and merging (attempt 2 of 5)");
        var awsAuth = AwsAuthParser.Parse(LiveAwsAuth());
        awsAuth.MapRoles.Select(r => r.RoleArn).ShouldContain("arn:aws:iam::123456789012:role/karpenter-node");
        awsAuth.MapUsers.Select(u => u.UserArn).ShouldBe([John, "arn:aws:iam::123456789012:user/ops", $"arn:aws:iam::{Account}:user/dev-jane"]);
        again.ExitCode.ShouldBe(ExitCodes.Success, again.Stdout + again.Stderr);
        var backups = Path.Combine(AwsCli.BackupRoot, "my-cluster");
        Directory.GetFiles(backups, "aws-auth.*.yaml").ShouldNotBeEmpty();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(backups).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Revoke_DevJohn_RejectedAfterwardsAndReapplyRestoresOnlyTheConfig()
    {
        (await RunAsync("apply", "-f", Input("seed000.access.yaml"), "--auto-approve")).ExitCode.ShouldBe(ExitCodes.Success);
        var iam = Clients(servers).Iam;
        await iam.CreateGroupAsync(new CreateGroupRequest { GroupName = "break-glass" }, Token);
        await iam.PutGroupPolicyAsync(new PutGroupPolicyRequest
        {
            GroupName = "break-glass",
            PolicyName = "assume-dev",
            PolicyDocument = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{{Account}}:role/EKSDeveloperRole"}]}""",
        }, Token);
        await iam.AddUserToGroupAsync(new AddUserToGroupRequest { GroupName = "break-glass", UserName = "dev-john" }, Token);
        var key = (await iam.CreateAccessKeyAsync(new CreateAccessKeyRequest { UserName = "dev-john" }, Token)).AccessKey!.AccessKeyId;

        var dryRun = await RunAsync("revoke", "--principal", John, "--cluster", "my-cluster", "--dry-run");
        var backupDir = Path.Combine(AwsCli.BackupRoot, "revoke-" + Guid.NewGuid().ToString("N"));
        var revoke = await RunAsync("revoke", "--principal", John, "--cluster", "my-cluster", "--backup-dir", backupDir);
        var withoutJohn = WithoutJohnInTeam();
        var reapply = await RunAsync("apply", "-f", withoutJohn, "--auto-approve");
        var proof = await RunAsync("revoke", "--principal", John, "--cluster", "my-cluster", "--dry-run");

        dryRun.ExitCode.ShouldBe(ExitCodes.Negative, dryRun.Stdout + dryRun.Stderr);
        dryRun.Stdout.ShouldContain("would remove");
        // The key id is moto's; the same width keeps the table's columns.
        Golden.Verify(dryRun.Stdout.Replace(key!, "AKIAEXAMPLEEXAMPLE00", StringComparison.Ordinal), "Revoke", "Seed000.dev-john.dry-run");
        revoke.ExitCode.ShouldBe(ExitCodes.Success, revoke.Stdout + revoke.Stderr);
        revoke.Stdout.ShouldContain($"whoami {John}: rejected");
        revoke.Stdout.ShouldContain("Revoked: EKS rejects");
        Directory.GetFiles(backupDir, "aws-auth.*.yaml").ShouldHaveSingleItem();
        await Should.ThrowAsync<EksAccess.Aws.AwsServiceException>(() =>
            Clients(servers).Eks.DescribeAccessEntryAsync(new DescribeAccessEntryRequest { ClusterName = "my-cluster", PrincipalArn = John }, Token));
        AwsAuthParser.Parse(LiveAwsAuth()).MapUsers.ShouldBeEmpty();
        var groups = await iam.ListGroupsForUserAllAsync(new ListGroupsForUserRequest { UserName = "dev-john" }, Token).ToListAsync(Token);
        groups.ShouldBeEmpty();
        var keys = await iam.ListAccessKeysAllAsync(new ListAccessKeysRequest { UserName = "dev-john" }, Token).ToListAsync(Token);
        keys.Single(k => k.AccessKeyId == key).Status.ShouldBe(StatusType.Inactive);
        reapply.ExitCode.ShouldBe(ExitCodes.Success, reapply.Stdout + reapply.Stderr);
        proof.ExitCode.ShouldBe(ExitCodes.Success, proof.Stdout + proof.Stderr);
        proof.Stdout.ShouldContain("has no path into cluster my-cluster");
        (await iam.ListGroupsForUserAllAsync(new ListGroupsForUserRequest { UserName = "dev-john" }, Token).ToListAsync(Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Revoke_MappingSomeoneElseMade_KeptUnlessForced()
    {
        (await RunAsync("apply", "-f", Input("seed000.access.yaml"), "--auto-approve")).ExitCode.ShouldBe(ExitCodes.Success);
        var ops = "arn:aws:iam::123456789012:user/ops";
        _stub.Store.Edit(ConfigMaps, "kube-system", "aws-auth", obj =>
            obj["data"]!["mapUsers"] = (string?)obj["data"]!["mapUsers"] + $"- userarn: {ops}\n  username: ops\n  groups: [ops]\n");

        var kept = await RunAsync("revoke", "--principal", ops, "--cluster", "my-cluster");
        var forced = await RunAsync("revoke", "--principal", ops, "--cluster", "my-cluster", "--force");

        kept.ExitCode.ShouldBe(ExitCodes.Negative, kept.Stdout + kept.Stderr);
        kept.Stdout.ShouldContain("kept: not written by eksaccess: re-run with --force");
        forced.ExitCode.ShouldBe(ExitCodes.Success, forced.Stdout + forced.Stderr);
        AwsAuthParser.Parse(LiveAwsAuth()).MapUsers.Select(u => u.UserArn).ShouldBe([John]);
    }

    [Fact]
    public async Task Snapshot_WithKubeconfig_WritesBothHalvesThatLoad()
    {
        (await RunAsync("apply", "-f", Input("seed000.access.yaml"), "--auto-approve")).ExitCode.ShouldBe(ExitCodes.Success);
        var directory = Path.Combine(_directory, "snap");

        var result = await RunAsync("snapshot", "--output-dir", directory, "--cluster", "my-cluster");
        var verify = await AwsCli.RunAsync(servers, "verify", "-f", Input("seed000.access.yaml"), "--snapshot", directory);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldContain("roles.yaml");
        result.Stdout.ShouldContain("aws-auth.yaml");
        var loaded = SnapshotDirectory.Read(directory).Snapshot;
        loaded.Roles.ShouldContain(r => r.Name == "developer-role");
        loaded.AccessEntries.Length.ShouldBe(4);
        verify.ExitCode.ShouldBe(ExitCodes.Success, verify.Stdout + verify.Stderr);
    }

    [Fact]
    public async Task Apply_FieldOwnedByAnotherManager_ConflictReportedThenForced()
    {
        var file = Input("seed000.access.yaml");
        (await RunAsync("apply", "-f", file, "--auto-approve")).ExitCode.ShouldBe(ExitCodes.Success);
        _stub.Store.Edit(KubeResource.ByPlural("roles"), "dev-apps", "developer-role", obj => ((JsonArray)obj["rules"]!).RemoveAt(4));

        var conflict = await RunAsync("apply", "-f", file, "--auto-approve");
        var forced = await RunAsync("apply", "-f", file, "--auto-approve", "--force");

        conflict.ExitCode.ShouldBe(ExitCodes.RemoteFailure);
        conflict.Stderr.ShouldContain("Role dev-apps/developer-role: fields eksaccess sets are managed by someone else: .rules (conflict with \"kubectl-edit\"");
        conflict.Stderr.ShouldContain("re-run apply with --force");
        forced.ExitCode.ShouldBe(ExitCodes.Success, forced.Stdout + forced.Stderr);
        (await RunAsync("plan", "-f", file)).ExitCode.ShouldBe(ExitCodes.Success);
    }

    [Fact]
    public async Task Plan_ConfigDroppingItsNodeRole_RefusedAndApplyWritesNothing()
    {
        (await RunAsync("apply", "-f", Input("seed000.access.yaml"), "--auto-approve")).ExitCode.ShouldBe(ExitCodes.Success);
        var withoutNodes = Variant("without-nodes.yaml", text => text.Replace("  nodeRoles:\n    - roleArn: arn:aws:iam::123456789012:role/EKSNodeRole\n", "", StringComparison.Ordinal));
        var version = (string?)_stub.Store.Get(ConfigMaps, "kube-system", "aws-auth")!["metadata"]!["resourceVersion"];

        var plan = await RunAsync("plan", "-f", withoutNodes, "--target", "kubernetes");
        var apply = await RunAsync("apply", "-f", withoutNodes, "--target", "kubernetes", "--auto-approve");

        plan.ExitCode.ShouldBe(ExitCodes.InvalidInput, plan.Stdout + plan.Stderr);
        plan.Stdout.ShouldContain("REFUSED");
        plan.Stderr.ShouldContain("node-role mapping rolearn arn:aws:iam::123456789012:role/EKSNodeRole");
        apply.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        ((string?)_stub.Store.Get(ConfigMaps, "kube-system", "aws-auth")!["metadata"]!["resourceVersion"]).ShouldBe(version);
    }

    [Fact]
    public async Task Apply_DryRun_CallsNothing()
    {
        var apply = await RunAsync("apply", "-f", Input("seed000.access.yaml"), "--target", "kubernetes", "--dry-run");

        apply.ExitCode.ShouldBe(ExitCodes.Success, apply.Stdout + apply.Stderr);
        apply.Stderr.ShouldContain("[7/7] would call POST v1 configmaps kube-system/aws-auth (dry run)");
        _stub.Requests.ShouldNotContain(r => r.Method != "GET");
    }

    private Task<CliResult> RunAsync(params string[] args) => AwsCli.RunAsync(servers, [.. args, "--kubeconfig", _kubeconfig]);

    private ConfigMapObject LiveAwsAuth()
    {
        var obj = _stub.Store.Get(ConfigMaps, "kube-system", "aws-auth")!;
        var data = ((JsonObject)obj["data"]!).ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal);
        return new ConfigMapObject("kube-system", "aws-auth", System.Collections.Immutable.ImmutableDictionary.CreateRange(StringComparer.Ordinal, data));
    }

    private string WithJane() => Variant("with-jane.yaml", text => text
        .Replace("  users:\n    - name: dev-john\n", "  users:\n    - name: dev-jane\n      username: dev-jane\n      createAccessKey: false\n    - name: dev-john\n", StringComparison.Ordinal)
        .Replace("members: [dev-john, EKSDeveloperRole]", "members: [dev-john, EKSDeveloperRole, dev-jane]", StringComparison.Ordinal));

    private string WithoutJohnInTeam() => Variant("without-john.yaml", text => text
        .Replace("members: [dev-john, EKSDeveloperRole]", "members: [EKSDeveloperRole]", StringComparison.Ordinal));

    private string Variant(string name, Func<string, string> change)
    {
        var original = File.ReadAllText(Input("seed000.access.yaml"));
        var changed = change(original);
        changed.ShouldNotBe(original);
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, changed);
        return path;
    }
}
