using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccess.Core.Revocation;
using EksAccess.Core.Authentication;

namespace EksAccess.Cli.Output;

/// <summary>revoke's answer: the paths found and what was done to each, whoami afterwards, and what remains.</summary>
internal static class RevokeView
{
    /// <summary>What revoke found and did, as <see cref="WriteAsync"/> prints it.</summary>
    internal sealed record Result(
        string Principal, string Cluster, bool DryRun, bool DeleteAccessKeys, ImmutableArray<AccessPath> Paths,
        IdentityResolution Resolution, ImmutableArray<AccessPath> Remaining, bool Rejected);

    public static async Task WriteAsync(TextWriter stdout, OutputFormat format, Result result)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(result);
        var (principal, cluster, dryRun, deleteAccessKeys, paths, resolution, remaining, rejected) = result;
        string Action(AccessPath path) => !path.Removable
            ? "kept: " + path.Reason
            : (dryRun ? "would " : "") + path.Kind switch
            {
                AccessPathKind.AccessKey => deleteAccessKeys ? "delete" : "deactivate",
                _ => "remove",
            };

        var whoami = resolution is IdentityResolution.Mapped mapped
            ? $"authenticated as {mapped.Username} [{string.Join(", ", mapped.Groups)}] via {mapped.MatchedBy}"
            : $"rejected: {((IdentityResolution.Rejected)resolution).Reason}";
        if (format.IsStructured())
        {
            StructuredOutput.Write(stdout, format, new JsonObject
            {
                ["principal"] = principal,
                ["cluster"] = cluster,
                ["dryRun"] = dryRun,
                ["paths"] = new JsonArray([.. paths.Select(p => (JsonNode)new JsonObject
                {
                    ["kind"] = p.Kind.ToString(),
                    ["path"] = p.Description,
                    ["action"] = Action(p),
                })]),
                ["whoami"] = whoami,
                ["remaining"] = new JsonArray([.. remaining.Where(p => p.GrantsAccess).Select(p => (JsonNode)JsonValue.Create(p.Description))]),
                ["rejected"] = rejected,
            });
            return;
        }

        if (paths.IsEmpty)
        {
            await stdout.WriteLineAsync($"{principal} has no path into cluster {cluster}.").ConfigureAwait(false);
        }
        else
        {
            var table = new TextTable("KIND", "PATH", "ACTION");
            foreach (var path in paths)
            {
                table.AddRow(path.Kind.ToString(), path.Description, Action(path));
            }

            table.Write(stdout);
        }

        await stdout.WriteLineAsync($"whoami {principal}: {whoami}").ConfigureAwait(false);
        foreach (var path in remaining.Where(p => p.GrantsAccess))
        {
            await stdout.WriteLineAsync($"remaining path: {path.Description}{(path.Reason is null ? "" : " — " + path.Reason)}").ConfigureAwait(false);
        }

        await stdout.WriteLineAsync(rejected
            ? $"Revoked: EKS rejects {principal} on cluster {cluster}{(dryRun ? " (already; dry run)" : "")}."
            : $"Not revoked: {principal} still has a path into cluster {cluster}{(dryRun ? " (dry run: nothing changed)" : "")}.").ConfigureAwait(false);
    }
}
