using System.Text.Json.Nodes;
using EksAccess.Core.Evaluation;

namespace EksAccess.Cli.Output;

/// <summary>can-i --list: the subject's rules in a namespace, shaped like kubectl auth can-i --list (or JSON/YAML).</summary>
internal static class CanIView
{
    public static void WriteRules(TextWriter stdout, OutputFormat output, string @namespace, IReadOnlyList<ListedRule> rules)
    {
        if (output.IsStructured())
        {
            var data = new JsonArray([.. rules.Select(rule => (JsonNode)new JsonObject
            {
                ["resources"] = Strings(rule.Resources),
                ["nonResourceURLs"] = Strings(rule.NonResourceUrls),
                ["resourceNames"] = Strings(rule.ResourceNames),
                ["verbs"] = Strings(rule.Verbs),
            })]);
            StructuredOutput.Write(stdout, output, new JsonObject { ["namespace"] = @namespace, ["rules"] = data });
            return;
        }

        var table = new TextTable("Resources", "Non-Resource URLs", "Resource Names", "Verbs");
        foreach (var rule in rules)
        {
            table.AddRow(string.Join(", ", rule.Resources), Bracket(rule.NonResourceUrls), Bracket(rule.ResourceNames), Bracket(rule.Verbs));
        }

        table.Write(stdout);
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode)JsonValue.Create(value))]);

    private static string Bracket(IEnumerable<string> values) => "[" + string.Join(' ', values) + "]";
}
