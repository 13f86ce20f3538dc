using System.Text;
using System.Text.Json;
using EksAccess.Core.Rendering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EksAccess.Core.Tests.Rendering;

/// <summary>The quoting of the aws-cli and terraform renderers, checked by the real bash and terraform on awkward strings.</summary>
public sealed class QuotingRoundTripTests
{
    private static readonly Arbitrary<string[]> ShellishStrings = Gen.Elements(
            "'", "\"", "\\", "$", "{", "}", "${", "$${", "%{", "%%{", "$(", "`", "!", "*", "?", "[", "~", "#", ";", "&", "|", "<", ">",
            " ", "\t", "\n", "=", ":", ",", "/", "-", "a", "Z", "0", "arn:aws:iam::1:user/x", "{{SessionName}}", "é", "😀", "\u2028")
        .ArrayOf()
        .Select(parts => string.Concat(parts))
        .ArrayOf()
        .ToArbitrary();

    [Property(MaxTest = 25)]
    public Property BashQuote_AnyStrings_BashSeesExactlyThoseWords()
    {
        var bash = ExternalTool.Require("bash", "check the aws-cli script's quoting");
        return Prop.ForAll(ShellishStrings, values =>
        {
            var script = new StringBuilder();
            foreach (var value in values)
            {
                script.Append("printf '%s\\036' ").Append(BashQuoting.Quote(value)).Append('\n');
            }

            var result = ExternalTool.RunAsync(bash, ["-c", script.ToString()]).GetAwaiter().GetResult();

            result.ExitCode.ShouldBe(0, result.Stderr);
            result.Stdout.Split('\x1e')[..^1].ShouldBe(values);
        });
    }

    [Property(MaxTest = 25)]
    public Property HclQuote_AnyStrings_TerraformReadsTheSameStrings()
    {
        var terraform = ExternalTool.Require("terraform", "check the terraform output's quoting", requiredInCi: false);
        return Prop.ForAll(ShellishStrings, values =>
        {
            var expression = $"base64encode(jsonencode([{string.Join(", ", values.Select(HclEmitter.Quote))}]))\n";
            var directory = Directory.CreateTempSubdirectory("eksaccess-hcl-").FullName;
            try
            {
                var result = ExternalTool.RunAsync(terraform, ["console"], stdin: expression, workingDirectory: directory).GetAwaiter().GetResult();

                result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
                var base64 = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim().Trim('"');
                JsonSerializer.Deserialize<string[]>(Convert.FromBase64String(base64)).ShouldBe(values);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        });
    }

    [Property(MaxTest = 30)]
    public Property HclEmit_AnyKeysAndValues_TerraformFmtLeavesItUnchanged()
    {
        var terraform = ExternalTool.Require("terraform", "check the HCL emitter against terraform fmt", requiredInCi: false);
        return Prop.ForAll(ShellishStrings, ShellishStrings, (keys, values) =>
        {
            var data = new HclObject();
            foreach (var (key, i) in keys.Distinct(StringComparer.Ordinal).Select((k, i) => (k, i)))
            {
                data.Add(key, i % 3 == 2 ? new HclObject().Add(key, HclList.Of(values)) : values.Length > 0 ? values[i % values.Length] : "");
            }

            var body = new HclBody().Attribute("data", data).Attribute("text", new HclHeredoc(string.Concat(values.Select(v => "- " + v.Replace("\n", " ", StringComparison.Ordinal) + "\n"))));
            var text = HclEmitter.Emit(body);

            var result = ExternalTool.RunAsync(terraform, ["fmt", "-"], stdin: text).GetAwaiter().GetResult();

            result.ExitCode.ShouldBe(0, result.Stderr);
            result.Stdout.ShouldBe(text);
        });
    }
}
