using EksAccess.Core.Rendering;

namespace EksAccess.Core.Tests.Rendering;

public sealed class HclEmitterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\nnext\ttab", "\"line\\nnext\\ttab\"")]
    [InlineData("${aws:username} and %{if}", "\"$${aws:username} and %%{if}\"")]
    [InlineData("$ alone, % alone, {{EC2PrivateDNSName}}", "\"$ alone, % alone, {{EC2PrivateDNSName}}\"")]
    public void Quote_Value_EscapedSoItIsNeverATemplate(string value, string expected)
    {
        HclEmitter.Quote(value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("dev-john", true)]
    [InlineData("_x", true)]
    [InlineData("2nd", false)]
    [InlineData("a.b", false)]
    [InlineData("for", false)]
    [InlineData("null", false)]
    [InlineData("", false)]
    [InlineData("Z\n", false)]
    public void IsIdentifier_Name_OnlyBareWhenHclReadsItAsAName(string name, bool expected)
    {
        HclEmitter.IsIdentifier(name).ShouldBe(expected);
    }

    [Fact]
    public void Claim_ClashingNames_SanitizedPrefixedAndNumberedPerScope()
    {
        var names = new HclNames();

        string[] claimed = [names.Claim("t", "dev.apps"), names.Claim("t", "dev_apps"), names.Claim("t", "dev/apps"), names.Claim("u", "dev.apps"), names.Claim("t", "9lives"), names.Claim("t", "")];

        claimed.ShouldBe(["dev_apps", "dev_apps_2", "dev_apps_3", "dev_apps", "r_9lives", "r_"]);
    }

    [Fact]
    public void Emit_NestedValues_AlignsRunsLikeTerraformFmt()
    {
        var text = HclEmitter.Emit(Sample());

        text.ShouldBe(
            """
            # a comment
            #
            # after an empty line
            resource "kubernetes_config_map_v1_data" "x" {
              metadata {
                name      = "aws-auth"
                namespace = "kube-system"
              }

              force = false
              data = {
                mapRoles = <<-EOT
                  - rolearn: arn:aws:iam::1:role/a
                    username: system:node:{{EC2PrivateDNSName}}
                EOT
                short    = "s"
                "a.b/c"  = ""
                nested = {
                  k = []
                }
                after = {}
                list  = ["a", "b"]
                objects = [
                  {
                    x   = 1
                    yyy = "2"
                  },
                ]
                doc = jsonencode({
                  Version = "2012-10-17"
                })
              }
            }
            """.ReplaceLineEndings("\n") + "\n");
    }

    [Fact]
    public async Task Emit_NestedValues_TerraformFmtLeavesItUnchanged()
    {
        var terraform = ExternalTool.Require("terraform", "check the HCL emitter against terraform fmt", requiredInCi: false);
        var text = HclEmitter.Emit(Sample());

        var result = await ExternalTool.RunAsync(terraform, ["fmt", "-"], stdin: text);

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldBe(text);
    }

    [Fact]
    public void Emit_HeredocTextItCannotKeep_FallsBackToAQuotedString()
    {
        var body = new HclBody().Attribute("a", new HclHeredoc("no final newline")).Attribute("b", new HclHeredoc("x\n\ny\n"));

        HclEmitter.Emit(body).ShouldBe("a = \"no final newline\"\nb = \"x\\n\\ny\\n\"\n");
    }

    [Fact]
    public void Emit_HeredocContainingTheMarker_PicksAnotherMarker()
    {
        var body = new HclBody().Attribute("a", new HclHeredoc("EOT\n${x}\n"));

        HclEmitter.Emit(body).ShouldBe("a = <<-EOT1\n  EOT\n  $${x}\nEOT1\n");
    }

    private static HclBody Sample()
    {
        var body = new HclBody().Comment("a comment\n\nafter an empty line");
        body.Block("resource", ["kubernetes_config_map_v1_data", "x"], resource =>
        {
            resource.Block("metadata", m => m.Attribute("name", "aws-auth").Attribute("namespace", "kube-system"));
            resource.BlankLine();
            resource.Attribute("force", new HclExpression("false"));
            resource.Attribute("data", new HclObject()
                .Add("mapRoles", new HclHeredoc("- rolearn: arn:aws:iam::1:role/a\n  username: system:node:{{EC2PrivateDNSName}}\n"))
                .Add("short", "s")
                .Add("a.b/c", "")
                .Add("nested", new HclObject().Add("k", new HclList([])))
                .Add("after", new HclObject())
                .Add("list", HclList.Of(["a", "b"]))
                .Add("objects", new HclList([new HclObject().Add("x", new HclExpression("1")).Add("yyy", "2")]))
                .Add("doc", new HclCall("jsonencode", new HclObject().Add("Version", "2012-10-17"))));
        });
        return body;
    }
}
