using EksAccess.Cli.Commands;
using YamlDotNet.RepresentationModel;

namespace EksAccess.Cli.Tests.Commands;

/// <summary><c>render --format aws-cli|eksctl|terraform -o DIR</c> on the seed-000 config.</summary>
public sealed class RenderFormatsTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("eksaccess-render-formats-").FullName;

    public void Dispose()
    {
        Directory.Delete(_temp, recursive: true);
    }

    [Fact]
    public async Task Run_UnknownFormat_ListsEveryFormat()
    {
        var result = await CliRunner.RunAsync("render", "-f", "access.yaml", "--format", "helm");

        result.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        result.Stderr.ShouldContain("use one of: aws-cli, eksctl, iam, k8s, terraform");
    }

    [Theory]
    [InlineData("aws-cli", "aws-cli/apply.sh")]
    [InlineData("eksctl", "eksctl/cluster-config.yaml")]
    [InlineData("terraform", "terraform/access.tf")]
    public async Task Run_ExampleToDirectory_WritesExactlyTheFormatsFileAndListsIt(string format, string file)
    {
        var output = Path.Combine(_temp, "out");
        var example = Path.Combine(TestFiles.RepositoryRoot, "examples", "001-role-based-access", "access.yaml");

        var result = await CliRunner.RunAsync("render", "-f", example, "--format", format, "--output-dir", output);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Stderr);
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ShouldBe([file]);
        result.Stdout.ShouldBe(Path.Combine(output, file) + "\n");
        (await File.ReadAllTextAsync(Path.Combine(output, file), TestContext.Current.CancellationToken)).ShouldContain("prod-eks-cluster");
    }

    [Fact]
    public async Task RunAsync_AwsCliToDirectory_ScriptPassesBashSyntaxCheck()
    {
        var output = Path.Combine(_temp, "out");
        (await RenderAsync("aws-cli", output)).ExitCode.ShouldBe(ExitCodes.Success);
        var bash = ExternalTool.Require("bash", "check the rendered script's syntax");

        var (exitCode, _, stderr) = await ExternalTool.RunAsync(bash, ["-n", Path.Combine(output, "aws-cli", "apply.sh")]);

        exitCode.ShouldBe(0, stderr);
        (await File.ReadAllTextAsync(Path.Combine(output, "aws-cli", "apply.sh"), TestContext.Current.CancellationToken))
            .ShouldContain("aws eks associate-access-policy --cluster-name \"$CLUSTER\" --region \"$REGION\" --principal-arn arn:aws:iam::111122223333:user/dev-john");
    }

    [Fact]
    public async Task RunAsync_EksctlToDirectory_ClusterConfigParsesWithYamlDotNet()
    {
        var output = Path.Combine(_temp, "out");
        (await RenderAsync("eksctl", output)).ExitCode.ShouldBe(ExitCodes.Success);

        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(output, "eksctl", "cluster-config.yaml")))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents.ShouldHaveSingleItem().RootNode;
        ((YamlScalarNode)root.Children[new YamlScalarNode("kind")]).Value.ShouldBe("ClusterConfig");
        var access = (YamlMappingNode)root.Children[new YamlScalarNode("accessConfig")];
        ((YamlSequenceNode)access.Children[new YamlScalarNode("accessEntries")]).Children.Count.ShouldBe(4);
        ((YamlSequenceNode)root.Children[new YamlScalarNode("iamIdentityMappings")]).Children.Count.ShouldBe(3);
    }

    [Fact]
    public async Task RunAsync_TerraformToDirectory_FilePassesTerraformFmtCheck()
    {
        var output = Path.Combine(_temp, "out");
        (await RenderAsync("terraform", output)).ExitCode.ShouldBe(ExitCodes.Success);
        var terraform = ExternalTool.Require("terraform", "check the rendered HCL with terraform fmt");

        var (exitCode, stdout, stderr) = await ExternalTool.RunAsync(terraform, ["fmt", "-check", "-diff", Path.Combine(output, "terraform", "access.tf")]);

        exitCode.ShouldBe(0, stdout + stderr);
    }

    [Fact]
    public async Task RunAsync_TerraformToStdout_FileAfterItsHeaderLine()
    {
        var (exitCode, stdout, _) = await RenderAsync("terraform", null);

        exitCode.ShouldBe(0);
        stdout.ShouldStartWith("# ==> terraform/access.tf <==\n# Rendered by `eksaccess render --format terraform`");
        stdout.ShouldContain("\nmodule \"eks\" {\n  authentication_mode = \"API_AND_CONFIG_MAP\"\n");
    }

    private static async Task<CliResult> RenderAsync(string format, string? output)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await RenderCommand.RunAsync(
            new RenderCommand.Request("access.yaml", format, output),
            TestConfigs.Seed000(),
            new CliContext(stdout, stderr, TimeProvider.System),
            TestContext.Current.CancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
