using System.Text.Json.Nodes;
using EksAccess.Aws;
using EksAccess.Aws.Iam.Model;
using EksAccess.KubeStub;
using static EksAccess.Cli.Tests.Commands.AwsCli;

namespace EksAccess.Cli.Tests.Commands;

/// <summary>
/// migrate --apply end to end: a CONFIG_MAP cluster (moto + the access-entry fake) with seed 001's aws-auth (the
/// Kubernetes API stub), IAM principals in moto (the developers' role with a path); then a fresh snapshot and
/// whoami/can-i for every principal answer as before, and aws-auth is backed up and left in place.
/// </summary>
[Collection(AwsSequential.Name)]
public sealed class MigrateEndToEndTests(AwsTestServers servers) : IAsyncLifetime
{
    private const string Account = "123456789012";
    private const string Cluster = "legacy";
    private static readonly KubeResource ConfigMaps = KubeResource.ByPlural("configmaps");
    private static readonly string[] Principals =
    [
        $"arn:aws:iam::{Account}:role/eks-node-role",
        $"arn:aws:iam::{Account}:role/k8s-devs-role",
        $"arn:aws:iam::{Account}:user/eks-admin",
        $"arn:aws:iam::{Account}:user/nobody",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("eksaccess-migrate-e2e-").FullName;
    private KubeApiStub _stub = null!;
    private string _kubeconfig = "";

    public async ValueTask InitializeAsync()
    {
        _stub = await KubeApiStub.StartAsync();
        _kubeconfig = _stub.WriteKubeconfig(_directory);
        await servers.ResetForClassAsync(typeof(object));
        await servers.ResetForClassAsync(GetType());
        await CreateClusterAsync(servers, Cluster, EksAccess.Aws.Eks.Model.AuthenticationMode.ConfigMap);
        var iam = Clients(servers).Iam;
        const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";
        foreach (var (name, path) in new[] { ("eks-node-role", "/"), ("k8s-devs-role", "/teams/") })
        {
            try
            {
                await iam.CreateRoleAsync(new CreateRoleRequest { RoleName = name, Path = path, AssumeRolePolicyDocument = Trust }, Token);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode == "EntityAlreadyExists")
            {
            }
        }

        var awsAuth = await File.ReadAllTextAsync(TestPaths.Example("001-role-based-access", "snapshot/aws-auth.yaml"), Token);
        var data = new JsonObject();
        var mapRoles = awsAuth[(awsAuth.IndexOf("  mapRoles: |\n", StringComparison.Ordinal) + 14)..awsAuth.IndexOf("  mapUsers: |\n", StringComparison.Ordinal)];
        var mapUsers = awsAuth[(awsAuth.IndexOf("  mapUsers: |\n", StringComparison.Ordinal) + 14)..];
        data["mapRoles"] = Unindent(mapRoles).Replace("293759796572", Account, StringComparison.Ordinal);
        data["mapUsers"] = Unindent(mapUsers).Replace("293759796572", Account, StringComparison.Ordinal);
        _stub.Store.Create(ConfigMaps, "kube-system", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "aws-auth", ["namespace"] = "kube-system" },
            ["data"] = data,
        }, "test");
    }

    public async ValueTask DisposeAsync()
    {
        await _stub.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Apply_ToApi_EveryPrincipalAnswersAsBefore_AndAwsAuthIsBackedUpAndKept()
    {
        var before = await SnapshotAsync("before");
        var plan = await RunAsync("migrate", "--cluster", Cluster, "--target-mode", "API", "-o", "json");
        var backups = Path.Combine(BackupRoot, "migrate-" + Guid.NewGuid().ToString("N"));
        var apply = await RunAsync("migrate", "--cluster", Cluster, "--target-mode", "API", "--apply", "--auto-approve", "--backup-dir", backups);
        var after = await SnapshotAsync("after");

        plan.ExitCode.ShouldBe(0, plan.Stdout + plan.Stderr);
        var json = JsonNode.Parse(plan.Stdout)!;
        json["entries"]!.AsArray().Select(e => e!["principalArn"]!.GetValue<string>()).ShouldBe(
            [$"arn:aws:iam::{Account}:role/eks-node-role", $"arn:aws:iam::{Account}:role/teams/k8s-devs-role", $"arn:aws:iam::{Account}:user/eks-admin"]);
        apply.ExitCode.ShouldBe(0, apply.Stdout + apply.Stderr);
        apply.Stderr.ShouldContain("proof after entry 3 of 3 (mapUsers[0]) created");
        apply.Stderr.ShouldContain("kubectl -n kube-system delete configmap aws-auth");
        Directory.GetFiles(backups, "aws-auth.*.yaml").ShouldHaveSingleItem();
        _stub.Store.Get(ConfigMaps, "kube-system", "aws-auth").ShouldNotBeNull();
        (await File.ReadAllTextAsync(Path.Combine(after, "cluster.json"), Token)).ShouldContain("\"API\"");

        foreach (var principal in Principals)
        {
            var was = await AwsCli.RunAsync(servers, "whoami", "--as-arn", principal, "--snapshot", before, "-o", "json");
            var now = await AwsCli.RunAsync(servers, "whoami", "--as-arn", principal, "--snapshot", after, "-o", "json");
            now.ExitCode.ShouldBe(was.ExitCode, principal + now.Stdout + now.Stderr);
            if (was.ExitCode == 0)
            {
                JsonNode.Parse(now.Stdout)!["username"]!.GetValue<string>().ShouldBe(JsonNode.Parse(was.Stdout)!["username"]!.GetValue<string>());
            }

            foreach (var check in new[] { "create deployments -n k8s-devs", "delete nodes", "get secrets -A", "list pods -n default" })
            {
                string[] args = ["can-i", .. check.Split(' '), "--as-arn", principal];
                var wasAllowed = await AwsCli.RunAsync(servers, [.. args, "--snapshot", before]);
                var isAllowed = await AwsCli.RunAsync(servers, [.. args, "--snapshot", after]);
                isAllowed.ExitCode.ShouldBe(wasAllowed.ExitCode, $"{principal} {check}");
            }
        }
    }

    private async Task<string> SnapshotAsync(string name)
    {
        var directory = Path.Combine(_directory, name);
        var result = await RunAsync("snapshot", "--output-dir", directory, "--cluster", Cluster);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return directory;
    }

    private Task<CliResult> RunAsync(params string[] args) => AwsCli.RunAsync(servers, [.. args, "--kubeconfig", _kubeconfig]);

    private static string Unindent(string section) =>
        string.Join("\n", section.Split('\n').Select(line => line.StartsWith("    ", StringComparison.Ordinal) ? line[4..] : line.TrimStart()));
}
