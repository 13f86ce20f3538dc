using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using EksAccess.Core.Text;

namespace EksAccess.Core.Tests.Rendering;

public sealed partial class YamlEmitterTests
{
    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("*", "\"*\"")]
    [InlineData("4", "\"4\"")]
    [InlineData("1.5", "\"1.5\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("Off", "\"Off\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("{x}", "\"{x}\"")]
    [InlineData("-", "\"-\"")]
    [InlineData("x #y", "\"x #y\"")]
    [InlineData("m *H", "\"m *H\"")]
    [InlineData("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"")]
    [InlineData("it's\\", "it's\\")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("arn:aws:iam::111122223333:role/X", "arn:aws:iam::111122223333:role/X")]
    [InlineData("system:node:{{EC2PrivateDNSName}}", "system:node:{{EC2PrivateDNSName}}")]
    [InlineData("dev-team", "dev-team")]
    public void Scalar_Value_QuotedOnlyWhenYamlWouldMisreadIt(string value, string expected)
    {
        YamlEmitter.Scalar(value).ShouldBe(expected);
    }

    [Fact]
    public void Emit_MultiLineValue_LiteralBlockIndentedUnderKey()
    {
        var yaml = YamlEmitter.Emit(new YamlMapping().Add("data", new YamlMapping().Add("k", "- a: b\n  c: d\n")));

        yaml.ShouldBe("data:\n  k: |\n    - a: b\n      c: d\n");
    }

    [Fact]
    public void Emit_EmptyCollections_FlowStyle()
    {
        var yaml = YamlEmitter.Emit(new YamlMapping().Add("a", new YamlSequence()).Add("b", new YamlMapping()));

        yaml.ShouldBe("a: []\nb: {}\n");
    }

    /// <summary>Strings built from the pieces YAML gives meaning to, mixed with arbitrary text.</summary>
    internal static readonly Arbitrary<string> YamlishStrings = Gen.OneOf(
            Gen.Elements(
                    ":", " ", ": ", " #", "#", "-", "--- ", "...", "?", "{", "}", "[", "]", ",", "'", "\"", "\\", "\n", "\r", "\t", "\0",
                    "yes", "No", "on", "OFF", "null", "~", "true", "1", "0x1F", "0o7", "1e3", ".5", "+", "1:20", ".inf", "<<", "=",
                    "*", "&", "!", "|", ">", "%", "@", "`", "a", "arn:aws:iam::1:role/x", "{{SessionName}}", "é", "\u2028", "\u0085", "\uFEFF", "\u007F", "😀")
                .ArrayOf()
                .Select(parts => string.Concat(parts)),
            ArbMap.Default.GeneratorFor<string>().Select(s => ValidUtf16(s ?? "")))
        .ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Emit_AnyStringAsKeyAndValue_ParsesBackToTheSameStrings()
    {
        return Prop.ForAll(YamlishStrings, YamlishStrings, (k, v) => RoundTrip(k, v));
    }

    private static void RoundTrip(string k, string v)
    {
        var yaml = YamlEmitter.Emit(new YamlMapping().Add("key", v).Add("list", YamlSequence.Of([v, k])).Add("nested", new YamlMapping().Add(k, v)));

        var root = Load(yaml);

        ((YamlScalarNode)root.Children[new YamlScalarNode("key")]).Value.ShouldBe(v);
        var list = (YamlSequenceNode)root.Children[new YamlScalarNode("list")];
        list.Children.Select(n => ((YamlScalarNode)n).Value).ShouldBe([v, k]);
        var nested = (YamlMappingNode)root.Children[new YamlScalarNode("nested")];
        var (nestedKey, nestedValue) = nested.Children.ShouldHaveSingleItem();
        ((YamlScalarNode)nestedKey).Value.ShouldBe(k);
        ((YamlScalarNode)nestedValue).Value.ShouldBe(v);
        foreach (var scalar in AllScalars(root).Where(s => s.Style == ScalarStyle.Plain))
        {
            // A plain scalar must never resolve to a YAML 1.1/1.2 null, bool or number (sigs.k8s.io/yaml uses 1.1 rules).
            Yaml11NonString().IsMatch(scalar.Value!).ShouldBeFalse(scalar.Value);
        }
    }

    internal static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.ShouldHaveSingleItem().RootNode;
    }

    private static IEnumerable<YamlScalarNode> AllScalars(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar],
        YamlSequenceNode sequence => sequence.Children.SelectMany(AllScalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(p => AllScalars(p.Key).Concat(AllScalars(p.Value))),
        _ => [],
    };

    /// <summary>Replaces unpaired surrogates (not representable in UTF-8, so not in any YAML file) with '?'.</summary>
    private static string ValidUtf16(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(value[i]).Append(value[i + 1]);
                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(value[i]) ? '?' : value[i]);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(\.[0-9]+|[0-9][0-9_]*)(\.[0-9_]*)?([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Yaml11NonString();
}
