using EksAccess.Core.Config;
using EksAccess.Core.Planning;
using EksAccess.Core.Rendering;

namespace EksAccess.Core.Tests.Rendering;

public sealed class ExampleRenderingTests
{
    public static TheoryData<string> Examples() => ["000-developer-access", "001-role-based-access", "003-cluster-admin-access-entry"];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Render_ExampleK8s_MatchesGolden(string example)
    {
        var config = Load(example);

        var files = KubernetesManifestRenderer.Render(DesiredState.Build(config));

        Golden.Verify(KubernetesManifestRendererTests.Concatenate(files), "Rendering", $"{example}.k8s");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Render_ExampleIam_MatchesGolden(string example)
    {
        var config = Load(example);

        var files = IamPolicyRenderer.Render(config);

        Golden.Verify(KubernetesManifestRendererTests.Concatenate(files), "Rendering", $"{example}.iam");
    }

    [Fact]
    public void Render_ParsedSeed000_SameAsTheCodeBuiltConfig()
    {
        var parsed = Load("000-developer-access");
        var built = TestConfigs.Seed000();

        KubernetesManifestRenderer.Render(DesiredState.Build(parsed)).ShouldBe(KubernetesManifestRenderer.Render(DesiredState.Build(built)));
        IamPolicyRenderer.Render(parsed).ShouldBe(IamPolicyRenderer.Render(built));
    }

    private static AccessConfig Load(string example)
    {
        var path = $"examples/{example}/access.yaml";
        var result = AccessConfigParser.ParseAndValidate(File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, path)), path);
        result.Diagnostics.ShouldBeEmpty();
        return result.Config.ShouldNotBeNull();
    }
}
