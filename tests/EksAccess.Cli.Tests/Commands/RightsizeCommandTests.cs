using System.Text.Json.Nodes;
using EksAccess.Cli.Tests.Fakes;

namespace EksAccess.Cli.Tests.Commands;

public sealed class RightsizeCommandTests : IDisposable
{
    private static readonly string[] Window = ["--since", "2026-11-01T00:00:00Z", "--until", "2026-11-20T00:00:00Z", "-q"];
    private readonly string _temp = Directory.CreateTempSubdirectory("eksaccess-rightsize-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Rightsize_Seed001Json_ContractMembersAndReportsNarrowing()
    {
        var result = await CliRunner.RunAsync(["rightsize", "--group", "k8s-devs", "--snapshot", TestPaths.Example("001-role-based-access", "snapshot"), "--audit-file", Log("k8s-devs-001.log"), "-o", "json", .. Window]);

        result.ExitCode.ShouldBe(ExitCodes.Negative, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!.AsObject();
        json.Select(p => p.Key).ShouldBe(["subject", "window", "grants", "uncovered", "suggestion", "proof", "risks"]);
        json["window"]!["events"]!.GetValue<long>().ShouldBe(70);
        var grant = json["grants"]!.AsArray().First()!.AsObject();
        grant.Select(p => p.Key).ShouldBe(["kind", "binding", "role", "rule", "status", "requests", "lastUsed", "unusedParts"], ignoreOrder: false, customMessage: grant.ToJsonString());
        json["grants"]!.AsArray().Select(g => g!["status"]!.GetValue<string>()).ShouldContain("unused");
        var objects = json["suggestion"]!["objects"]!.AsArray();
        objects.Select(o => o!["metadata"]!["namespace"]?.GetValue<string>()).Distinct().ShouldBe(["dev"]);
        json["proof"]!["ok"]!.GetValue<bool>().ShouldBeTrue();
        json["proof"]!["stillAllowed"]!.GetValue<long>().ShouldBe(json["proof"]!["replayed"]!.GetValue<long>());
        json["proof"]!["nowDenied"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain("get secrets -n prod");
    }

    [Fact]
    public async Task Rightsize_ShortDefaultMinimum_NotEnoughDataIsNoFinding()
    {
        var result = await CliRunner.RunAsync(["rightsize", "--group", "k8s-devs", "--snapshot", TestPaths.Example("001-role-based-access", "snapshot"), "--audit-file", Log("k8s-devs-001.log"), "--min-requests", "500", .. Window]);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stdout.ShouldContain("not enough data");
        result.Stdout.ShouldContain("notEnoughData");
    }

    [Fact]
    public async Task Rightsize_Seed000Yaml_KubectlDryRunAccepts()
    {
        ExternalTool.Require("kubectl", "check the suggested objects (apt-get install kubectl, or use the machine image)");
        var result = await CliRunner.RunAsync(["rightsize", "--team", "dev-team", "-f", TestPaths.Example("000-developer-access", "access.yaml"), "--audit-file", Log("dev-team-000.log"), "-o", "yaml", .. Window]);
        result.ExitCode.ShouldBe(ExitCodes.Negative, result.Stderr);
        var file = Path.Combine(_temp, "suggestion.yaml");
        await File.WriteAllTextAsync(file, result.Stdout, TestContext.Current.CancellationToken);
        await using var stub = KubeDiscoveryStub.Start();
        var kubeconfig = Path.Combine(_temp, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, stub.Kubeconfig(), TestContext.Current.CancellationToken);

        var apply = await ExternalTool.RunAsync("kubectl", ["apply", "--dry-run=client", "--validate=false", "-f", file, "--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(_temp, "cache")]);

        apply.ExitCode.ShouldBe(ExitCodes.Success, apply.Stderr);
        apply.Stdout.ShouldContain("role.rbac.authorization.k8s.io/dev-team-rightsized created (dry run)");
        apply.Stdout.ShouldContain("rolebinding.rbac.authorization.k8s.io/dev-team-rightsized created (dry run)");
        apply.Stdout.ShouldContain("clusterrole.rbac.authorization.k8s.io/dev-team-rightsized created (dry run)");
        result.Stdout.ShouldNotContain("secrets");
        result.Stdout.ShouldNotContain("pods/exec");
        result.Stdout.ShouldContain("app.kubernetes.io/managed-by: eksaccess");
    }

    [Fact]
    public async Task Rightsize_NoSubject_IsInvalidInput()
    {
        var result = await CliRunner.RunAsync(["rightsize", "--snapshot", TestPaths.Example("001-role-based-access", "snapshot"), "--audit-file", Log("k8s-devs-001.log"), .. Window]);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldStartWith("error: no subject");
    }

    [Fact]
    public async Task Rightsize_TeamWithoutConfig_IsInvalidInputNamingGroup()
    {
        var result = await CliRunner.RunAsync(["rightsize", "--team", "k8s-devs", "--snapshot", TestPaths.Example("001-role-based-access", "snapshot"), "--audit-file", Log("k8s-devs-001.log"), .. Window]);

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldContain("--group");
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
    }

    private static string Log(string name) => Path.Combine(TestFiles.RepositoryRoot, "tests", "EksAccess.Core.Tests", "Inputs", "Rightsize", name);
}
