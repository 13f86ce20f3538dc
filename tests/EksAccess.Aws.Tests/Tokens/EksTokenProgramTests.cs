using System.Text.Json;
using EksAccess.Aws.Tokens;

namespace EksAccess.Aws.Tests.Tokens;

[Collection(AwsSequential.Name)]
public sealed class EksTokenProgramTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("eksaccess-token-home-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task RunAsync_ExecInfoAskingForV1_PrintsAV1ExecCredentialAndCachesIt()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["--cluster-name", "dev1", "--region", "us-east-1"], execInfo: """{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredentials","spec":{"interactive":false}}""");

        exitCode.ShouldBe(0, stderr);
        stderr.ShouldBeEmpty();
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("kind").GetString().ShouldBe("ExecCredential");
        json.RootElement.GetProperty("apiVersion").GetString().ShouldBe("client.authentication.k8s.io/v1");
        json.RootElement.GetProperty("status").GetProperty("token").GetString().ShouldStartWith("k8s-aws-v1.");
        Directory.GetFiles(Path.Combine(_home, ".kube", "cache", "eksaccess", "tokens"), "*.json").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task RunAsync_ParseError_IsInvalidInputWithoutOutput()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["--region", "us-east-1"]);

        exitCode.ShouldBe(EksTokenProgram.InvalidInput);
        stdout.ShouldBeEmpty();
        stderr.ShouldStartWith("error: token needs --cluster-name");
    }

    [Fact]
    public async Task RunAsync_AssumeRoleUnreachable_IsARemoteFailureAndNeverPrintsAToken()
    {
        var (exitCode, stdout, stderr) = await RunAsync(
            ["--cluster-name", "dev1", "--region", "us-east-1", "--role-arn", "arn:aws:iam::123456789012:role/r", "--endpoint-url", "http://127.0.0.1:1"]);

        exitCode.ShouldBe(EksTokenProgram.RemoteFailure);
        stdout.ShouldBeEmpty();
        stderr.ShouldStartWith("error: AssumeRole failed");
        stderr.ShouldNotContain("k8s-aws-v1");
        stderr.Trim().Split('\n').Length.ShouldBe(1);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, string? execInfo = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["HOME"] = _home,
            ["KUBERNETES_EXEC_INFO"] = execInfo,
        };
        var exitCode = await EksTokenProgram.RunAsync(args, stdout, stderr, name => environment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name), TimeProvider.System, Token);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
