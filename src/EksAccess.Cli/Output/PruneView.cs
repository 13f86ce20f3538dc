using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccess.Core.Expiry;
using EksAccess.Core.Text;

namespace EksAccess.Cli.Output;

/// <summary>prune's answer: <c>{"pruned": [...], "kept": [...], "residue": [...]}</c>, or a table of the same.</summary>
internal static class PruneView
{
    internal sealed record Result(string Cluster, bool DryRun, PrunePlan Plan, ImmutableArray<ResidueItem> Residue);

    public static async Task WriteAsync(TextWriter stdout, OutputFormat format, Result result)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(result);
        var (cluster, dryRun, plan, residue) = result;
        if (format.IsStructured())
        {
            StructuredOutput.Write(stdout, format, new JsonObject
            {
                ["pruned"] = new JsonArray([.. plan.Pruned.Select(p => Item(p, cluster, dryRun))]),
                ["kept"] = new JsonArray([.. plan.Kept.Select(p => Item(p, cluster, dryRun))]),
                ["residue"] = new JsonArray([.. residue.Select(r => (JsonNode)new JsonObject
                {
                    ["principal"] = r.PrincipalArn,
                    ["kind"] = r.Kind,
                    ["verb"] = r.Verb,
                    ["object"] = r.Object,
                    ["at"] = Rfc3339.Format(r.At),
                    ["description"] = r.Description,
                })]),
            });
            return;
        }

        if (plan.Pruned.IsEmpty && plan.Kept.IsEmpty)
        {
            await stdout.WriteLineAsync($"Nothing expired on cluster {cluster}.").ConfigureAwait(false);
            return;
        }

        var table = new TextTable("PRINCIPAL", "EXPIRED", "GRANT", "ACTION");
        foreach (var item in plan.Pruned)
        {
            table.AddRow(item.PrincipalArn, Rfc3339.Short(item.ExpiredAt), item.What, dryRun ? "would remove" : "removed");
        }

        foreach (var item in plan.Kept)
        {
            table.AddRow(item.PrincipalArn, Rfc3339.Short(item.ExpiredAt), item.What, "kept: " + item.Reason);
        }

        table.Write(stdout);
        foreach (var item in residue)
        {
            await stdout.WriteLineAsync($"residue {item.PrincipalArn}: {item.Description}").ConfigureAwait(false);
        }
    }

    private static JsonObject Item(PruneItem item, string cluster, bool dryRun) => new()
    {
        ["cluster"] = cluster,
        ["principal"] = item.PrincipalArn,
        ["what"] = item.What,
        ["policyArn"] = item.PolicyArn,
        ["expiredAt"] = Rfc3339.Format(item.ExpiredAt),
        ["dryRun"] = dryRun,
        ["reason"] = item.Reason,
    };
}
