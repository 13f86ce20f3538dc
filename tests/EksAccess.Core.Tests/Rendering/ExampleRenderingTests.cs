using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Rendering;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Rendering;

/// <summary>Every <c>render --format</c> of every examples/*/access.yaml found on disk, against its golden file.</summary>
public sealed class ExampleRenderingTests
{
    /// <summary>The examples the tests also build in code (<see cref="TestConfigs"/>, <see cref="RenderingConfigs"/>).</summary>
    private static readonly Dictionary<string, Func<AccessConfig>> CodeBuilt = new(StringComparer.Ordinal)
    {
        ["000-developer-access"] = TestConfigs.Seed000,
        ["001-role-based-access"] = RenderingConfigs.Seed001,
        ["003-cluster-admin-access-entry"] = RenderingConfigs.Seed003,
    };

    public static TheoryData<string> Examples() => [.. ExampleNames()];

    public static TheoryData<string, string> ExamplesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var example in ExampleNames())
        {
            foreach (var format in RendererCatalog.Formats)
            {
                data.Add(example, format);
            }
        }

        return data;
    }

    public static TheoryData<string> CodeBuiltExamples() => [.. CodeBuilt.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ExamplesAndFormats))]
    public void Render_Example_MatchesGolden(string example, string format)
    {
        var config = Load(example);

        var text = Render(config, format);

        Golden.Verify(text, "Rendering", $"{example}.{format}");
    }

    [Fact]
    public void Examples_EveryCodeBuiltOneIsOnDisk()
    {
        CodeBuilt.Keys.ShouldBeSubsetOf(ExampleNames());
    }

    [Theory]
    [MemberData(nameof(CodeBuiltExamples))]
    public void Render_ParsedExample_SameAsTheCodeBuiltConfig(string example)
    {
        var parsed = Load(example);
        var built = CodeBuilt[example]();

        foreach (var renderer in RendererCatalog.All)
        {
            Render(parsed, renderer.Format).ShouldBe(Render(built, renderer.Format), renderer.Format);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Render_ExampleAwsCli_PassesBashSyntaxCheck(string example)
    {
        var bash = ExternalTool.Require("bash", "check the aws-cli script's syntax");

        var result = await ExternalTool.RunAsync(bash, ["-n"], stdin: Render(Load(example), AwsCliArtifactRenderer.FormatName));

        result.ExitCode.ShouldBe(0, result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Examples))]
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

    /// <summary>The examples/ folders that hold an access.yaml, by name.</summary>
    private static IEnumerable<string> ExampleNames() =>
        TestFiles.ExampleConfigs().Select(path => Path.GetFileName(Path.GetDirectoryName(path)!));

    /// <summary>k8s and iam write one file per object (concatenated with headers); the other formats write one file.</summary>
    private static string Render(AccessConfig config, string format)
    {
        RendererCatalog.TryGet(format, out var renderer).ShouldBeTrue();
        ImmutableArray<RenderedFile> files = renderer.Render(config, DesiredState.Build(config));
        return format is KubernetesArtifactRenderer.FormatName or IamArtifactRenderer.FormatName
            ? KubernetesManifestRendererTests.Concatenate(files)
            : files.ShouldHaveSingleItem().Content;
    }

    private static AccessConfig Load(string example)
    {
        var path = $"examples/{example}/access.yaml";
        var result = AccessConfigParser.ParseAndValidate(File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, path)), path);
        result.Diagnostics.ShouldBeEmpty();
        return result.Config.ShouldNotBeNull();
    }
}
