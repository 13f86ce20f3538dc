using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccess.Core.Verification;

namespace EksAccess.Cli.Output;

/// <summary>doctor's answer: one row per check (CHECK, STATUS, DETAIL), or the same as a tree for -o json|yaml.</summary>
internal static class DoctorView
{
    public static void Write(TextWriter stdout, OutputFormat format, string cluster, string? region, ImmutableArray<DoctorCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (format.IsStructured())
        {
            StructuredOutput.Write(stdout, format, new JsonObject
            {
                ["cluster"] = cluster,
                ["region"] = region,
                ["ok"] = checks.All(c => c.Status != DoctorCheckStatus.Fail),
                ["checks"] = new JsonArray([.. checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["status"] = c.StatusText, ["detail"] = c.Detail })]),
            });
            return;
        }

        var table = new TextTable("CHECK", "STATUS", "DETAIL");
        foreach (var check in checks)
        {
            table.AddRow(check.Name, check.StatusText, check.Detail);
        }

        table.Write(stdout);
    }
}
