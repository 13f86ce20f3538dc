using System.Text.Json.Nodes;
using EksAccess.Core.Expiry;
using EksAccess.Core.Text;

namespace EksAccess.Cli.Output;

/// <summary>grant's answer: what was (or would be) done, until when, and the command that ends it early.</summary>
internal static class GrantView
{
    internal sealed record Result(string Principal, string Cluster, bool DryRun, GrantPlan Plan);

    public static async Task WriteAsync(TextWriter stdout, OutputFormat format, Result result)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(result);
        var (principal, cluster, dryRun, plan) = result;
        if (format.IsStructured())
        {
            StructuredOutput.Write(stdout, format, new JsonObject
            {
                ["principal"] = principal,
                ["cluster"] = cluster,
                ["dryRun"] = dryRun,
                ["expiresAt"] = Rfc3339.Format(plan.ExpiresAt),
                ["changes"] = new JsonArray([.. plan.Steps.Select(s => (JsonNode)new JsonObject
                {
                    ["apiCall"] = s.Change.ApiCall,
                    ["id"] = s.Change.Id,
                    ["details"] = new JsonArray([.. s.Change.Details.Select(d => (JsonNode)JsonValue.Create(d))]),
                })]),
                ["notes"] = new JsonArray([.. plan.Notes.Select(n => (JsonNode)JsonValue.Create(n))]),
                ["endEarly"] = new JsonArray([.. plan.EndEarly.Select(e => (JsonNode)JsonValue.Create(e))]),
            });
            return;
        }

        foreach (var step in plan.Steps)
        {
            await stdout.WriteLineAsync($"{(dryRun ? "would call" : "called")} {step.Change.ApiCall} {step.Change.Id}").ConfigureAwait(false);
            foreach (var detail in step.Change.Details)
            {
                await stdout.WriteLineAsync($"    {detail}").ConfigureAwait(false);
            }
        }

        foreach (var note in plan.Notes)
        {
            await stdout.WriteLineAsync($"note: {note}").ConfigureAwait(false);
        }

        if (plan.Steps.IsEmpty)
        {
            await stdout.WriteLineAsync($"Nothing granted: {principal} already has this access on {cluster}.").ConfigureAwait(false);
            return;
        }

        await stdout.WriteLineAsync($"{(dryRun ? "Would grant" : "Granted")} on {cluster} to {principal} until {Rfc3339.Format(plan.ExpiresAt)}; eksaccess prune --cluster {cluster} removes it after that.").ConfigureAwait(false);
        await stdout.WriteLineAsync("To end it early:").ConfigureAwait(false);
        foreach (var line in plan.EndEarly)
        {
            await stdout.WriteLineAsync($"  {line}").ConfigureAwait(false);
        }
    }
}
