using EksAccess.Core.Config;
using EksAccess.Core.Rendering;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Rendering;

public sealed class TerraformArtifactRendererTests
{
    [Fact]
    public void Render_Seed000_MatchesGolden()
    {
        Golden.Verify(Render(TestConfigs.Seed000()), "Rendering", "000-developer-access.terraform");
    }

    [Fact]
    public void Render_Seed003_AccessEntryAsInTheWalkThrough()
    {
        var text = Render(RenderingConfigs.Seed003());

        text.ShouldContain(
            """
              authentication_mode = "API"

              access_entries = {
                KubernetesAdmin = {
                  principal_arn = aws_iam_role.KubernetesAdmin.arn
                  type          = "STANDARD"
                  policy_associations = {
                    AmazonEKSClusterAdminPolicy = {
                      policy_arn = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
                      access_scope = {
                        type = "cluster"
                      }
                    }
                  }
                }
              }
            """.ReplaceLineEndings("\n"));
        text.ShouldNotContain("kubernetes_config_map_v1_data");
    }

    [Theory]
    [InlineData("seed000")]
    [InlineData("seed001")]
    [InlineData("seed003")]
    [InlineData("awkward")]
    public async Task Render_Config_IsAlreadyTerraformFmtFormatted(string name)
    {
        var terraform = ExternalTool.Require("terraform", "check the terraform output with terraform fmt", requiredInCi: false);
        var text = Render(Config(name));

        var result = await ExternalTool.RunAsync(terraform, ["fmt", "-"], stdin: text);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldBe(text);
        (await ExternalTool.RunAsync(terraform, ["fmt", "-check", "-"], stdin: text)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Render_AwsAuth_DataIsTheAwsAuthWriterTextAndForceIsOff()
    {
        var config = TestConfigs.Seed000();
        var mapRoles = DesiredState.Build(config).AwsAuth!.Data["mapRoles"];

        var text = Render(config);

        text.ShouldContain("  force = false\n");
        var heredoc = string.Concat(mapRoles.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "      " + l + "\n"));
        text.ShouldContain("    mapRoles = <<-EOT\n" + heredoc + "    EOT\n");
        text.ShouldContain("WARNING — aws-auth");
    }

    [Fact]
    public void Render_Awkward_NamesAreValidIdentifiersAndTemplatesEscaped()
    {
        var text = Render(RenderingConfigs.Awkward());

        text.ShouldContain("resource \"aws_iam_user\" \"dev_o_neil\" {");
        text.ShouldContain("resource \"aws_iam_role\" \"r_2nd-role\" {");
        text.ShouldContain("principal_arn     = aws_iam_role.r_2nd-role.arn");
        text.ShouldContain("\"arn:aws:s3:::bucket/$${aws:username}/*\"");
        text.ShouldContain("\"aws:SecureTransport\" = true");
        text.ShouldContain("\"s3:max-keys\" = 10");
        text.ShouldContain("createAccessKey: not rendered");
        text.ShouldNotContain("resource \"aws_iam_access_key\"");
        text.ShouldContain("groups = [aws_iam_group.devs.name]");
    }

    private static AccessConfig Config(string name) => name switch
    {
        "seed000" => TestConfigs.Seed000(),
        "seed001" => RenderingConfigs.Seed001(),
        "seed003" => RenderingConfigs.Seed003(),
        "awkward" => RenderingConfigs.Awkward(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, message: null),
    };

    private static string Render(AccessConfig config) =>
        new TerraformArtifactRenderer().Render(config, DesiredState.Build(config)).ShouldHaveSingleItem().Content;
}
