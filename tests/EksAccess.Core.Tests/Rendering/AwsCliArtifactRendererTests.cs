using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Rendering;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Rendering;

public sealed class AwsCliArtifactRendererTests : IDisposable
{
    /// <summary>
    /// A fake <c>aws</c>: appends its argv to $FAKE_AWS_LOG (fields split by \x1f, invocations ended by \x1e) and answers
    /// like the real CLI: get/describe fail with NoSuchEntity/ResourceNotFound when FAKE_AWS_STATE=absent; the cluster is
    /// in $FAKE_AWS_MODE; an update is InProgress once, then Successful; list-access-keys counts 0 keys when absent, 1 when present.
    /// </summary>
    private const string FakeAws =
        """
        #!/usr/bin/env bash
        service="$1"
        shift
        { printf '%s' "$service"; for a in "$@"; do printf '\x1f%s' "$a"; done; printf '\x1e'; } >> "$FAKE_AWS_LOG"
        case "$1" in
          get-user | get-group | get-role)
            if [ "$FAKE_AWS_STATE" = absent ]; then echo "An error occurred (NoSuchEntity) when calling the operation" >&2; exit 254; fi
            echo '{}' ;;
          describe-access-entry)
            if [ "$FAKE_AWS_STATE" = absent ]; then echo "An error occurred (ResourceNotFoundException) when calling the DescribeAccessEntry operation" >&2; exit 254; fi
            echo '{}' ;;
          describe-cluster) echo "$FAKE_AWS_MODE" ;;
          update-cluster-config) echo "0f8c3f8e-update" ;;
          describe-update)
            if [ -e "$FAKE_AWS_LOG.polled" ]; then echo Successful; else touch "$FAKE_AWS_LOG.polled"; echo InProgress; fi ;;
          list-access-keys) if [ "$FAKE_AWS_STATE" = absent ]; then echo 0; else echo 1; fi ;;
          create-access-key) echo '{"AccessKey":{"UserName":"u","AccessKeyId":"AKIAEXAMPLE","SecretAccessKey":"secret","Status":"Active"}}' ;;
          *) echo '{}' ;;
        esac
        """;

    private static readonly string[] IdempotentVerbs =
    [
        "put-user-policy", "put-role-policy", "put-group-policy", "update-assume-role-policy", "update-role",
        "add-user-to-group", "update-access-entry", "associate-access-policy",
    ];

    private readonly string _temp = Directory.CreateTempSubdirectory("eksaccess-aws-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(_temp, recursive: true);
    }

    [Fact]
    public void Render_Seed000_MatchesGolden()
    {
        Golden.Verify(Script(TestConfigs.Seed000()), "Rendering", "000-developer-access.aws-cli");
    }

    [Fact]
    public void Render_Seed000_OneExecutableBashFile()
    {
        var config = TestConfigs.Seed000();

        var file = new AwsCliArtifactRenderer().Render(config, DesiredState.Build(config)).ShouldHaveSingleItem();

        file.RelativePath.ShouldBe("aws-cli/apply.sh");
        file.Content.ShouldStartWith("#!/usr/bin/env bash\n");
        file.Content.ShouldContain("\nset -euo pipefail\n\nCLUSTER=my-cluster\nREGION=us-east-1\nexport AWS_PAGER=\"\"\n");
    }

    [Theory]
    [InlineData("seed000")]
    [InlineData("seed001")]
    [InlineData("seed003")]
    [InlineData("awkward")]
    public async Task Render_Config_PassesBashSyntaxCheck(string name)
    {
        var bash = ExternalTool.Require("bash", "check the aws-cli script's syntax");

        var result = await ExternalTool.RunAsync(bash, ["-n"], stdin: Script(Config(name)));

        result.ExitCode.ShouldBe(0, result.Stderr);
    }

    [Theory]
    [InlineData("seed000")]
    [InlineData("awkward")]
    public async Task Render_Config_PassesShellcheckWhenInstalled(string name)
    {
        var shellcheck = ExternalTool.Find("shellcheck");
        if (shellcheck is null)
        {
            Assert.Skip("shellcheck is not on PATH");
        }

        var result = await ExternalTool.RunAsync(shellcheck, ["--shell=bash", "--severity=warning", "-"], stdin: Script(Config(name)));

        result.ExitCode.ShouldBe(0, result.Stdout);
    }

    [Fact]
    public async Task Script_FirstRunOnEmptyAccount_CreatesIamThenModeThenEntriesThenPolicies()
    {
        var log = await RunAgainstFakeAwsAsync(TestConfigs.Seed000(), state: "absent", mode: "CONFIG_MAP");

        log.Select(Verb).ShouldBe(
        [
            "iam get-user", "iam create-user",
            "iam get-role", "iam create-role",
            "iam put-user-policy", "iam put-role-policy",
            "eks describe-cluster", "eks update-cluster-config", "eks describe-update", "eks describe-update",
            "eks describe-access-entry", "eks create-access-entry",
            "eks describe-access-entry", "eks create-access-entry",
            "eks describe-access-entry", "eks create-access-entry",
            "eks describe-access-entry", "eks create-access-entry",
            "eks associate-access-policy", "eks associate-access-policy", "eks associate-access-policy",
        ]);
        log.Where(c => Verb(c) is "eks create-access-entry").Select(c => Option(c, "--type")).ShouldBe(["EC2_LINUX", "STANDARD", "STANDARD", "STANDARD"]);
        log.Single(c => Verb(c) is "eks update-cluster-config").ShouldContain(a => a == "authenticationMode=API_AND_CONFIG_MAP");
        log.ShouldAllBe(c => c[0] != "eks" || Option(c, "--region") == "us-east-1");
    }

    [Fact]
    public async Task Script_FirstRun_PassesTheExactArgumentsOfTheWalkThrough()
    {
        var log = await RunAgainstFakeAwsAsync(TestConfigs.Seed000(), state: "absent", mode: "CONFIG_MAP");

        var john = "arn:aws:iam::111122223333:user/dev-john";
        var create = log.Single(c => Verb(c) is "eks create-access-entry" && string.Equals(Option(c, "--principal-arn"), john, StringComparison.Ordinal));
        create.ShouldBe(
        [
            "eks", "create-access-entry", "--cluster-name", "my-cluster", "--region", "us-east-1", "--principal-arn", john,
            "--type", "STANDARD", "--kubernetes-groups", "dev-team", "--username", "dev-john", "--tags", "managed-by=eksaccess",
        ]);
        var associate = log.First(c => Verb(c) is "eks associate-access-policy");
        associate.ShouldBe(
        [
            "eks", "associate-access-policy", "--cluster-name", "my-cluster", "--region", "us-east-1", "--principal-arn", john,
            "--policy-arn", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy", "--access-scope", "type=namespace,namespaces=dev-apps",
        ]);
        var policies = IamPolicyRenderer.Generate(TestConfigs.Seed000());
        Option(log.Single(c => Verb(c) is "iam put-user-policy"), "--policy-document").ShouldBe(policies.InlinePolicies[0].Document);
        Option(log.Single(c => Verb(c) is "iam create-role"), "--assume-role-policy-document").ShouldBe(policies.TrustPolicies[0].Document);
        log.Single(c => Verb(c) is "iam create-user").ShouldBe(["iam", "create-user", "--user-name", "dev-john", "--path", "/", "--tags", "Key=managed-by,Value=eksaccess"]);
    }

    [Fact]
    public async Task Script_SecondRunWithEverythingPresent_CreatesNothingAndOnlyRePutsAndConverges()
    {
        var log = await RunAgainstFakeAwsAsync(TestConfigs.Seed000(), state: "present", mode: "API_AND_CONFIG_MAP");

        var mutating = log.Select(c => c[1]).Where(v => !v.StartsWith("get-", StringComparison.Ordinal) && !v.StartsWith("describe-", StringComparison.Ordinal)).ToList();
        mutating.ShouldNotBeEmpty();
        mutating.ShouldAllBe(v => IdempotentVerbs.Contains(v));
        log.Select(Verb).ShouldBe(
        [
            "iam get-user",
            "iam get-role", "iam update-assume-role-policy", "iam update-role",
            "iam put-user-policy", "iam put-role-policy",
            "eks describe-cluster",
            "eks describe-access-entry",
            "eks describe-access-entry", "eks update-access-entry",
            "eks describe-access-entry", "eks update-access-entry",
            "eks describe-access-entry", "eks update-access-entry",
            "eks associate-access-policy", "eks associate-access-policy", "eks associate-access-policy",
        ]);
    }

    [Fact]
    public async Task Script_CreateAccessKey_WritesThePrivateKeyFileOnceAndNeverPrintsIt()
    {
        var (firstLog, first) = await RunAgainstFakeAwsWithOutputAsync(RenderingConfigs.Seed000WithAccessKey(), state: "absent", mode: "API_AND_CONFIG_MAP");

        firstLog.ShouldContain(c => Verb(c) == "iam create-access-key");
        var keyFile = Path.Combine(_temp, "work", "dev-john.access-key.json");
        (await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken)).ShouldContain("\"SecretAccessKey\":\"secret\"");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        first.Stdout.ShouldNotContain("secret");
        first.Stderr.ShouldNotContain("secret");

        var (secondLog, _) = await RunAgainstFakeAwsWithOutputAsync(RenderingConfigs.Seed000WithAccessKey(), state: "present", mode: "API_AND_CONFIG_MAP");

        secondLog.ShouldContain(c => Verb(c) == "iam list-access-keys");
        secondLog.ShouldNotContain(c => Verb(c) == "iam create-access-key");
    }

    [Theory]
    [InlineData(AuthenticationMode.ApiAndConfigMap, "API")]
    [InlineData(AuthenticationMode.ConfigMap, "API_AND_CONFIG_MAP")]
    public async Task Script_ClusterModeCannotMoveThatWay_StopsBeforeAnyEksChange(AuthenticationMode wanted, string current)
    {
        var config = TestConfigs.Seed000() with { Cluster = TestConfigs.Seed000().Cluster with { AuthenticationMode = wanted } };

        var (log, result) = await RunAgainstFakeAwsWithOutputAsync(config, state: "absent", mode: current);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain($"error: cluster my-cluster is in authentication mode {current}, which EKS cannot change to {wanted.ToWire()}");
        Verb(log[^1]).ShouldBe("eks describe-cluster");
    }

    [Fact]
    public async Task Script_ModeApiFromConfigMap_UpdatesStraightToApi()
    {
        var config = RenderingConfigs.Seed003();

        var log = await RunAgainstFakeAwsAsync(config, state: "absent", mode: "CONFIG_MAP");

        Option(log.Single(c => Verb(c) is "eks update-cluster-config"), "--access-config").ShouldBe("authenticationMode=API");
        log.ShouldContain(c => Verb(c) == "eks associate-access-policy");
    }

    [Fact]
    public async Task Script_AwkwardNamesAndDocuments_ReachAwsExactlyAsRendered()
    {
        var config = RenderingConfigs.Awkward();

        var log = await RunAgainstFakeAwsAsync(config, state: "absent", mode: "API_AND_CONFIG_MAP");

        var policies = IamPolicyRenderer.Generate(config);
        var put = log.Single(c => Verb(c) is "iam put-user-policy" && Option(c, "--policy-name") is "home-bucket");
        Option(put, "--user-name").ShouldBe("dev.o'neil");
        Option(put, "--policy-document").ShouldBe(policies.InlinePolicies.Single(p => p.PolicyName is "home-bucket").Document);
        Option(put, "--policy-document").ShouldContain("${aws:username}");
        var tags = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(Option(log.Single(c => Verb(c) is "iam create-user"), "--tags"))!;
        tags.ShouldContain(t => t["Key"] == "team" && t["Value"] == "dev apps, \"core\"");
        var scopes = log.Where(c => Verb(c) is "eks associate-access-policy").Select(c => Option(c, "--access-scope")).ToList();
        scopes.ShouldContain(s => s == "type=namespace,namespaces=dev-*,team a");
        var entry = log.First(c => Verb(c) is "eks create-access-entry" && Option(c, "--principal-arn").Contains("o'neil", StringComparison.Ordinal));
        Option(entry, "--principal-arn").ShouldBe("arn:aws:iam::111122223333:user/teams/dev/dev.o'neil");
        Option(entry, "--username").ShouldBe("dev:o'neil");
        log.Single(c => Verb(c) is "iam create-access-key").ShouldBe(["iam", "create-access-key", "--user-name", "dev.o'neil"]);
        File.Exists(Path.Combine(_temp, "work", "dev.o'neil.access-key.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task Script_NamespaceShorthandWouldSplit_AccessScopeGoesAsJson()
    {
        var seed = TestConfigs.Seed000();
        var config = seed with { Teams = [seed.Teams[0] with { AccessPolicies = [TestConfigs.NamespacePolicy("AmazonEKSViewPolicy", "a,b=c", "dev")] }] };

        var log = await RunAgainstFakeAwsAsync(config, state: "absent", mode: "API_AND_CONFIG_MAP");

        var scope = JsonNode.Parse(Option(log.First(c => Verb(c) is "eks associate-access-policy"), "--access-scope"))!;
        scope["type"]!.GetValue<string>().ShouldBe("namespace");
        scope["namespaces"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["a,b=c", "dev"]);
    }

    [Fact]
    public async Task Render_ControlPlaneLogging_UpdatesOnlyWhenTheEnabledTypesDiffer()
    {
        var seed = Config("seed000");
        var config = seed with { Cluster = seed.Cluster with { ControlPlaneLogging = ["authenticator", "api", "audit"] } };

        var script = Script(config);

        script.ShouldContain("if [ \"$enabled_logs\" != 'api audit authenticator' ]; then");
        script.ShouldContain("""aws eks update-cluster-config --name "$CLUSTER" --region "$REGION" --logging '{"clusterLogging":[{"types":["api","audit","authenticator"],"enabled":true},{"types":["controllerManager","scheduler"],"enabled":false}]}' >/dev/null""");
        Script(seed).ShouldNotContain("--logging");
        var bash = ExternalTool.Require("bash", "check the aws-cli script's syntax");
        var result = await ExternalTool.RunAsync(bash, ["-n"], stdin: script);
        result.ExitCode.ShouldBe(0, result.Stderr);
    }

    private static AccessConfig Config(string name) => name switch
    {
        "seed000" => TestConfigs.Seed000(),
        "seed001" => RenderingConfigs.Seed001(),
        "seed003" => RenderingConfigs.Seed003(),
        "awkward" => RenderingConfigs.Awkward(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, message: null),
    };

    private static string Script(AccessConfig config) =>
        new AwsCliArtifactRenderer().Render(config, DesiredState.Build(config)).Single().Content;

    private static string Verb(string[] command) => $"{command[0]} {command[1]}";

    private static string Option(string[] command, string name)
    {
        var index = Array.IndexOf(command, name);
        index.ShouldBeGreaterThan(0, $"{name} missing from: {string.Join(' ', command)}");
        return command[index + 1];
    }

    private async Task<List<string[]>> RunAgainstFakeAwsAsync(AccessConfig config, string state, string mode)
    {
        var (log, result) = await RunAgainstFakeAwsWithOutputAsync(config, state, mode);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return log;
    }

    private async Task<(List<string[]> Log, ToolResult Result)> RunAgainstFakeAwsWithOutputAsync(AccessConfig config, string state, string mode)
    {
        var bash = ExternalTool.Require("bash", "run the aws-cli script against a fake aws");
        var bin = Directory.CreateDirectory(Path.Combine(_temp, "bin")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(_temp, "work")).FullName;
        var fake = Path.Combine(bin, "aws");
        await File.WriteAllTextAsync(fake, FakeAws.ReplaceLineEndings("\n") + "\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var script = Path.Combine(_temp, "apply.sh");
        await File.WriteAllTextAsync(script, Script(config), TestContext.Current.CancellationToken);
        var logFile = Path.Combine(_temp, $"aws-{Guid.NewGuid():N}.log");

        var result = await ExternalTool.RunAsync(bash, [script], workingDirectory: work, environment: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_AWS_LOG"] = logFile,
            ["FAKE_AWS_STATE"] = state,
            ["FAKE_AWS_MODE"] = mode,
            ["POLL_SECONDS"] = "0",
        });

        var text = File.Exists(logFile) ? await File.ReadAllTextAsync(logFile, TestContext.Current.CancellationToken) : "";
        var log = text.Split('\x1e', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('\x1f')).ToList();
        return (log, result);
    }
}
