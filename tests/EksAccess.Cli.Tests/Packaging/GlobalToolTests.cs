namespace EksAccess.Cli.Tests.Packaging;

/// <summary>eksaccess installs like a product: dotnet pack → dotnet tool install → the README's main command.</summary>
public sealed class GlobalToolTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("eksaccess-tool-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task PackedTool_InstalledIntoToolPath_RunsVersionAndTheReadmeCommand()
    {
        var root = TestFiles.RepositoryRoot;
        var artifacts = Path.Combine(_temp, "artifacts");
        var toolPath = Path.Combine(_temp, "tools");
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

        // The build that runs the tests already compiled the CLI (Release): pack what it built.
        var pack = await ExternalTool.RunAsync(
            "dotnet", ["pack", Path.Combine(root, "src", "EksAccess.Cli", "EksAccess.Cli.csproj"), "-c", "Release", "--no-build", "-o", artifacts, "-p:PackageOutputPath=" + artifacts], environment, timeout: TimeSpan.FromMinutes(5));
        pack.ExitCode.ShouldBe(ExitCodes.Success, pack.Stdout + pack.Stderr);
        Directory.GetFiles(artifacts, "eksaccess.*.nupkg").ShouldHaveSingleItem();

        var install = await ExternalTool.RunAsync("dotnet", ["tool", "install", "--tool-path", toolPath, "--add-source", artifacts, "eksaccess"], environment, timeout: TimeSpan.FromMinutes(5));
        install.ExitCode.ShouldBe(ExitCodes.Success, install.Stdout + install.Stderr);
        var eksaccess = Path.Combine(toolPath, "eksaccess");

        var version = await ExternalTool.RunAsync(eksaccess, ["--version"], environment);
        version.ExitCode.ShouldBe(ExitCodes.Success, version.Stderr);
        version.Stdout.ShouldStartWith("0.2.0");

        var verify = await ExternalTool.RunAsync(
            eksaccess,
            ["verify", "-f", Path.Combine(root, "examples", "000-developer-access", "access.yaml"), "--snapshot", Path.Combine(root, "examples", "000-developer-access", "snapshot")],
            environment);
        verify.ExitCode.ShouldBe(ExitCodes.Success, verify.Stdout + verify.Stderr);
        verify.Stdout.ShouldContain(" passed, 0 failed against snapshot");
    }
}
