using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Planning;
using EksAccess.Core.Rendering;

namespace EksAccess.Core.Tests.Rendering;

/// <summary>The aws-cli, eksctl and terraform renderings of the parsed examples/*/access.yaml.</summary>
public sealed class ExampleFormatsTests
{
    private static readonly IArtifactRenderer[] Renderers = [new AwsCliArtifactRenderer(), new EksctlArtifactRenderer(), new TerraformArtifactRenderer()];

    public static TheoryData<string, string> ExamplesAndFormats() => new()
    {
        { "000-developer-access", "aws-cli" },
        { "000-developer-access", "eksctl" },
        { "000-developer-access", "terraform" },
        { "001-role-based-access", "aws-cli" },
        { "001-role-based-access", "eksctl" },
        { "001-role-based-access", "terraform" },
        { "003-cluster-admin-access-entry", "aws-cli" },
        { "003-cluster-admin-access-entry", "eksctl" },
        { "003-cluster-admin-access-entry", "terraform" },
    };

    [Theory]
    [MemberData(nameof(ExamplesAndFormats))]
    public void Render_Example_MatchesGolden(string example, string format)
    {
        Golden.Verify(Render(Load(example), format), "Rendering", $"{example}.{format}");
    }

    [Theory]
    [InlineData("000-developer-access")]
    [InlineData("001-role-based-access")]
    [InlineData("003-cluster-admin-access-entry")]
    public void Render_ParsedExample_SameAsTheCodeBuiltConfig(string example)
    {
        var parsed = Load(example);
        var built = example switch
        {
            "000-developer-access" => TestConfigs.Seed000(),
            "001-role-based-access" => RenderingConfigs.Seed001(),
            _ => RenderingConfigs.Seed003(),
        };

        foreach (var renderer in Renderers)
        {
            Render(parsed, renderer.Format).ShouldBe(Render(built, renderer.Format), renderer.Format);
        }
    }

    [Theory]
    [InlineData("000-developer-access")]
    [InlineData("001-role-based-access")]
    [InlineData("003-cluster-admin-access-entry")]
    public async Task Render_ExampleAwsCli_PassesBashSyntaxCheck(string example)
    {
        var bash = ExternalTool.Require("bash", "check the aws-cli script's syntax");

        var result = await ExternalTool.RunAsync(bash, ["-n"], stdin: Render(Load(example), AwsCliArtifactRenderer.FormatName));

        result.ExitCode.ShouldBe(0, result.Stderr);
    }

    [Theory]
    [InlineData("000-developer-access")]
    [InlineData("001-role-based-access")]
    [InlineData("003-cluster-admin-access-entry")]
    public async Task Render_ExampleTerraform_PassesTerraformFmtCheck(string example)
    {
        var terraform = ExternalTool.Require("terraform", "check the terraform output with terraform fmt", requiredInCi: false);

        var result = await ExternalTool.RunAsync(terraform, ["fmt", "-check", "-"], stdin: Render(Load(example), TerraformArtifactRenderer.FormatName));

        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Render_ControlPlaneLogging_EksctlAndTerraformEnableExactlyTheListedTypes()
    {
        var seed = Load("000-developer-access");
        var config = seed with { Cluster = seed.Cluster with { ControlPlaneLogging = ["audit", "api", "authenticator"] } };

        var eksctl = Render(config, EksctlArtifactRenderer.FormatName);
        var terraform = Render(config, TerraformArtifactRenderer.FormatName);

        var document = new YamlDotNet.RepresentationModel.YamlStream();
        document.Load(new StringReader(eksctl));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)document.Documents.ShouldHaveSingleItem().RootNode;
        var types = (YamlDotNet.RepresentationModel.YamlSequenceNode)((YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)root["cloudWatch"])["clusterLogging"])["enableTypes"];
        types.Children.Select(n => n.ToString()).ShouldBe(["api", "audit", "authenticator"]);
        terraform.ShouldContain("cluster_enabled_log_types = [\"api\", \"audit\", \"authenticator\"]");
        Render(seed, TerraformArtifactRenderer.FormatName).ShouldNotContain("cluster_enabled_log_types");
        var terraformTool = ExternalTool.Require("terraform", "check the terraform output with terraform fmt", requiredInCi: false);
        var result = await ExternalTool.RunAsync(terraformTool, ["fmt", "-check", "-"], stdin: terraform);
        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
    }

    private static string Render(AccessConfig config, string format)
    {
        RendererCatalog.TryGet(format, out var renderer).ShouldBeTrue();
        ImmutableArray<RenderedFile> files = renderer.Render(config, DesiredState.Build(config));
        return files.ShouldHaveSingleItem().Content;
    }

    private static AccessConfig Load(string example)
    {
        var path = $"examples/{example}/access.yaml";
        var result = AccessConfigParser.ParseAndValidate(File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, path)), path);
        result.Diagnostics.ShouldBeEmpty();
        return result.Config.ShouldNotBeNull();
    }
}
