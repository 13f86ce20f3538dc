using System.Text.Json;
using System.Text.RegularExpressions;

namespace EksAccess.Cli.Tests.Commands;

/// <summary><c>eksaccess token</c> in-process and as the built binary (the start-up fast path kubectl hits), next to <c>aws eks get-token</c>.</summary>
[Collection(AwsSequential.Name)]
public sealed partial class TokenCommandTests(AwsTestServers servers) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("eksaccess-token-cli-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Token_InProcessNoCache_PrintsAnExecCredential()
    {
        var result = await CliRunner.RunAsync("token", "--cluster-name", "dev1", "--region", "us-east-1", "--no-cache");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        result.Stderr.ShouldBeEmpty();
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("status").GetProperty("token").GetString().ShouldStartWith("k8s-aws-v1.");
    }

    [Fact]
    public async Task Token_WithoutClusterName_IsInvalidInput()
    {
        var result = await CliRunner.RunAsync("token", "--region", "us-east-1");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Token_BuiltBinaryNextToAwsEksGetToken_PrintsTheSameDocumentAndCachesIt()
    {
        var environment = new Dictionary<string, string?>(servers.ChildEnvironment, StringComparer.Ordinal) { ["HOME"] = _home };
        string[] args = ["--cluster-name", "dev1", "--region", "eu-west-1"];

        var aws = await ExternalTool.RunAsync("aws", ["eks", "get-token", .. args], environment);
        var ours = await ExternalTool.EksaccessAsync(["token", .. args], environment);
        var cached = await ExternalTool.EksaccessAsync(["token", .. args], environment);

        aws.ExitCode.ShouldBe(ExitCodes.Success, aws.Stderr);
        ours.ExitCode.ShouldBe(ExitCodes.Success, ours.Stderr);
        ours.Stderr.ShouldBeEmpty();
        Mask(ours.Stdout).ShouldBe(Mask(aws.Stdout));
        cached.Stdout.ShouldBe(ours.Stdout);
        var expiration = DateTimeOffset.Parse(Value(ours.Stdout, "expirationTimestamp"), System.Globalization.CultureInfo.InvariantCulture);
        (expiration - DateTimeOffset.UtcNow).ShouldBeInRange(TimeSpan.FromMinutes(13), TimeSpan.FromMinutes(14));
        Directory.GetFiles(Path.Combine(_home, ".kube", "cache", "eksaccess", "tokens"), "*.json").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Token_BuiltBinaryWithExecInfo_AnswersInTheAskedApiVersion()
    {
        var environment = new Dictionary<string, string?>(servers.ChildEnvironment, StringComparer.Ordinal)
        {
            ["HOME"] = _home,
            ["KUBERNETES_EXEC_INFO"] = """{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredentials","spec":{"interactive":true}}""",
        };

        var ours = await ExternalTool.EksaccessAsync(["token", "--cluster-name", "dev1", "--region", "us-east-1", "--no-cache"], environment);

        ours.ExitCode.ShouldBe(ExitCodes.Success, ours.Stderr);
        Value(ours.Stdout, "apiVersion").ShouldBe("client.authentication.k8s.io/v1");
    }

    private static string Value(string json, string name) => Field().Matches(json).Single(m => m.Groups["name"].Value == name).Groups["value"].Value;

    private static string Mask(string json) => Field().Replace(json, m => m.Groups["name"].Value is "token" or "expirationTimestamp" ? $"\"{m.Groups["name"].Value}\": \"…\"" : m.Value);

    [GeneratedRegex("\"(?<name>[A-Za-z]+)\": \"(?<value>[^\"]*)\"", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Field();
}
