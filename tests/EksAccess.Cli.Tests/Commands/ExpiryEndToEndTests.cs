using System.Text.Json.Nodes;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;
using EksAccess.KubeStub;
using Microsoft.Extensions.Time.Testing;
using static EksAccess.Cli.Tests.Commands.AwsCli;

namespace EksAccess.Cli.Tests.Commands;

/// <summary>
/// grant → prune with a <see cref="FakeTimeProvider"/> (no sleeps), declarative expiry through plan/apply, all through
/// the CLI against moto, the access-entry fake (tags, TagResource/UntagResource checked against the EKS service model)
/// and the Kubernetes API stub.
/// </summary>
[Collection(AwsSequential.Name)]
public sealed class ExpiryEndToEndTests(AwsTestServers servers) : IAsyncLifetime
{
    private const string Account = "123456789012";
    private const string John = $"arn:aws:iam::{Account}:user/dev-john";
    private const string OnCall = $"arn:aws:iam::{Account}:role/OnCall";
    private const string AdminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy";

    private readonly string _directory = Directory.CreateTempSubdirectory("eksaccess-expiry-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero));
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
    public async Task Grant_TwoHoursThenPruneAfterTwoHoursOneMinute_GrantGonePermanentAccessStays()
    {
        (await RunAsync("apply", "-f", Input("seed000.access.yaml"), "--auto-approve")).ExitCode.ShouldBe(0);

        var onCall = await RunAsync("grant", "--principal", OnCall, "--policy", "AmazonEKSClusterAdminPolicy", "--scope", "cluster", "--for", "2h", "--reason", "INC-42 db down", "--cluster", "my-cluster");
        var john = await RunAsync("grant", "--principal", John, "--policy", "AmazonEKSAdminPolicy", "--scope", "namespace:dev-apps", "--for", "2h", "--reason", "INC-42", "--cluster", "my-cluster");
        var early = await RunAsync("prune", "--cluster", "my-cluster", "-o", "json");
        _time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var prune = await RunAsync("prune", "--cluster", "my-cluster", "-o", "json");
        var again = await RunAsync("prune", "--cluster", "my-cluster");
        var snapshot = Path.Combine(_directory, "after");
        (await RunAsync("snapshot", "--cluster", "my-cluster", "-d", snapshot)).ExitCode.ShouldBe(0);
        var whoamiOnCall = await RunAsync("whoami", "--snapshot", snapshot, "--as-arn", OnCall);
        var whoamiJohn = await RunAsync("whoami", "--snapshot", snapshot, "--as-arn", John, "-o", "json");

        onCall.ExitCode.ShouldBe(0, onCall.Stdout + onCall.Stderr);
        onCall.Stdout.ShouldContain("until 2026-12-01T18:00:00Z");
        onCall.Stdout.ShouldContain($"eksaccess revoke --principal {OnCall} --cluster my-cluster");
        john.ExitCode.ShouldBe(0, john.Stdout + john.Stderr);
        john.Stdout.ShouldContain("eksaccess prune --cluster my-cluster");
        early.ExitCode.ShouldBe(0, early.Stdout + early.Stderr);
        JsonNode.Parse(early.Stdout)!["pruned"]!.AsArray().ShouldBeEmpty();
        prune.ExitCode.ShouldBe(0, prune.Stdout + prune.Stderr);
        var result = JsonNode.Parse(prune.Stdout)!;
        result["pruned"]!.AsArray().Select(p => ((string)p!["principal"]!, (string)p["what"]!)).ShouldBe(
            [(OnCall, "access entry"), (John, "access policy AmazonEKSAdminPolicy (namespace:dev-apps)")], ignoreOrder: true);
        result["kept"]!.AsArray().ShouldBeEmpty();
        result["residue"]!.AsArray().Select(r => (string)r!["kind"]!).ShouldAllBe(k => k == "tokens");
        again.ExitCode.ShouldBe(0, again.Stdout + again.Stderr);
        again.Stdout.ShouldContain("Nothing expired on cluster my-cluster.");
        whoamiOnCall.Stdout.ShouldContain($"EKS would reject {OnCall}: identity is not mapped");
        whoamiJohn.ExitCode.ShouldBe(0, whoamiJohn.Stdout + whoamiJohn.Stderr);
        whoamiJohn.Stdout.ShouldContain("AmazonEKSEditPolicy");
        whoamiJohn.Stdout.ShouldNotContain("AmazonEKSAdminPolicy");
        var entry = (await Clients(servers).Eks.DescribeAccessEntryAsync(new DescribeAccessEntryRequest { ClusterName = "my-cluster", PrincipalArn = John }, Token)).AccessEntry!;
        entry.Tags!.Keys.ShouldNotContain(k => k.StartsWith("eksaccess.io/expires", StringComparison.Ordinal));
        CheckAgainstModel();
    }

    [Fact]
    public async Task Grant_LongerThanMax_RefusedWithExit3AndNothingWritten()
    {
        var result = await RunAsync("grant", "--principal", OnCall, "--group", "oncall", "--for", "13h", "--reason", "x", "--cluster", "my-cluster");

        result.ExitCode.ShouldBe(3, result.Stdout + result.Stderr);
        result.Stderr.ShouldStartWith("error: refusing to grant");
        result.Stderr.ShouldContain("--max 12h");
        servers.Fake.RequestsFor("eks").ShouldNotContain(r => r.Method != "GET" && (r.RawPath.Contains("/access-entries", StringComparison.Ordinal) || r.RawPath.StartsWith("/tags/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Grant_PermanentPolicyAlreadyHeld_NeverShortened()
    {
        (await RunAsync("apply", "-f", Input("seed000.access.yaml"), "--auto-approve")).ExitCode.ShouldBe(0);

        var grant = await RunAsync("grant", "--principal", John, "--policy", "AmazonEKSEditPolicy", "--scope", "namespace:dev-apps", "--for", "1h", "--reason", "x", "--cluster", "my-cluster");
        _time.Advance(TimeSpan.FromHours(2));
        var prune = await RunAsync("prune", "--cluster", "my-cluster", "-o", "json");

        grant.ExitCode.ShouldBe(0, grant.Stdout + grant.Stderr);
        grant.Stdout.ShouldContain("Nothing granted");
        JsonNode.Parse(prune.Stdout)!["pruned"]!.AsArray().ShouldBeEmpty();
        var policies = await Clients(servers).Eks.ListAssociatedAccessPoliciesAllAsync(new ListAssociatedAccessPoliciesRequest { ClusterName = "my-cluster", PrincipalArn = John }, Token).ToListAsync(Token);
        policies.Select(p => p.PolicyArn).ShouldContain("arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy");
    }

    [Fact]
    public async Task Apply_OneMemberExpired_RemovesOnlyThatMember()
    {
        var file = Variant("expiring-john.yaml", text => text.Replace(
            "members: [dev-john, EKSDeveloperRole]",
            "members: [{name: dev-john, expires: \"2026-12-01T18:00:00Z\"}, EKSDeveloperRole]",
            StringComparison.Ordinal));
        (await RunAsync("apply", "-f", file, "--auto-approve")).ExitCode.ShouldBe(0);
        var tagged = (await Clients(servers).Eks.DescribeAccessEntryAsync(new DescribeAccessEntryRequest { ClusterName = "my-cluster", PrincipalArn = John }, Token)).AccessEntry!;
        _time.Advance(TimeSpan.FromHours(3));

        var plan = await RunAsync("plan", "-f", file, "--target", "aws");
        var apply = await RunAsync("apply", "-f", file, "--target", "aws", "--auto-approve");

        tagged.Tags!["eksaccess.io/expires-at"].ShouldBe("2026-12-01T18:00:00Z");
        plan.ExitCode.ShouldBe(2, plan.Stdout + plan.Stderr);
        plan.Stdout.ShouldContain($"- delete aws access-entry {John}  (eks:DeleteAccessEntry) (expired 2026-12-01T18:00Z)");
        plan.Stdout.ShouldNotContain("EKSDeveloperRole  (eks:DeleteAccessEntry)");
        apply.ExitCode.ShouldBe(0, apply.Stdout + apply.Stderr);
        var entries = await Clients(servers).Eks.ListAccessEntriesAllAsync(new ListAccessEntriesRequest { ClusterName = "my-cluster" }, Token).ToListAsync(Token);
        entries.ShouldNotContain(John);
        entries.ShouldContain($"arn:aws:iam::{Account}:role/EKSDeveloperRole");
        CheckAgainstModel();
    }

    /// <summary>Every EKS request the CLI sent conforms to the official service model (TagResource and UntagResource included).</summary>
    private void CheckAgainstModel()
    {
        var model = EksServiceModel.Load(servers.BotocoreData);
        foreach (var request in servers.Fake.RequestsFor("eks"))
        {
            var (operation, problems) = model.Check(request);
            problems.ShouldBeEmpty($"{operation} {request.Method} {request.RawPath}");
        }
    }

    private async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = Context(servers, stdout, stderr) with { Time = _time };
        var exitCode = await EksAccessApp.RunAsync(NeedsKubeconfig(args) ? [.. args, "--kubeconfig", _kubeconfig] : args, context);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    private static bool NeedsKubeconfig(string[] args) => args[0] is "apply" or "plan" or "prune" or "snapshot";

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
