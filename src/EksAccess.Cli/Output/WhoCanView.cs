using System.Text.Json.Nodes;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;

namespace EksAccess.Cli.Output;

/// <summary>who-can's answer: every subject allowed, with the binding or access policy that allows it.</summary>
internal static class WhoCanView
{
    public static void Write(TextWriter stdout, OutputFormat output, AccessRequest request, IReadOnlyList<WhoCanEntry> entries)
    {
        if (output.IsStructured())
        {
            var data = new JsonObject
            {
                ["request"] = request.ToString(),
                ["subjects"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
                {
                    ["kind"] = e.Kind,
                    ["name"] = e.Name,
                    ["namespace"] = e.Namespace,
                    ["via"] = e.Via,
                })]),
            };
            StructuredOutput.Write(stdout, output, data);
            return;
        }

        var table = new TextTable("KIND", "NAME", "NAMESPACE", "VIA");
        foreach (var entry in entries)
        {
            table.AddRow(entry.Kind, entry.Name, entry.Namespace.Length == 0 ? "-" : entry.Namespace, entry.Via);
        }

        table.Write(stdout);
    }
}
