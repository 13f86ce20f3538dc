using System.Collections.Immutable;
using EksAccess.Cli.Audit;
using EksAccess.Cli.Commands;
using EksAccess.Core.Config;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Rendering;
using EksAccess.Core.Risks;
using EksAccess.Core.Desired;

namespace EksAccess.Cli.Snapshots;

/// <summary>
/// Reads the state of risks and report: a snapshot, a config, or the live cluster (read by the snapshot sources into a
/// private temporary directory, loaded as a snapshot, then deleted), and what the config or audit log adds.
/// </summary>
internal static class RiskState
{
    public static async Task<(AccessModel Model, AccessConfig? Config, RiskOptions Options, AuditUsage? Usage)> LoadAsync(StateRequest request, CliContext context, CancellationToken cancellationToken)
    {
        if (request.Cluster is not null && (request.Snapshot is not null || request.File is not null))
        {
            throw new InputException("--cluster reads the live cluster; --snapshot and -f are other states — give one of them");
        }

        var (model, config) = request.Cluster is { } cluster
            ? (await LoadLiveAsync(cluster, request, context, cancellationToken), null)
            : ModelLoader.LoadWithConfig(request.Snapshot, request.File, request.IncludeDefaultRoles, context.Stderr);
        var usage = await ReadAuditAsync(request.AuditFiles, context, cancellationToken);
        var options = config is null ? RiskOptions.Default : FromConfig(config);
        if (usage is not null)
        {
            options = options with { SeenInAudit = usage.Seen };
        }

        return (model, config, options, usage);
    }

    /// <summary>Declared admins and which IAM groups may assume which config roles (the "group → assumable role" path).</summary>
    private static RiskOptions FromConfig(AccessConfig config)
    {
        var admins = config.Admins.Select(a => PrincipalResolver.PrincipalArn(config, a.Principal)).ToImmutableHashSet(StringComparer.Ordinal);
        var assumedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in config.Iam.Groups)
        {
            var groupArn = $"arn:aws:iam::{config.Cluster.AccountId}:group{PrincipalResolver.NormalizePath(group.Path)}{group.Name}";
            var members = group.Members.IsDefaultOrEmpty ? "" : $" (members {string.Join(", ", group.Members)})";
            foreach (var role in group.AssumeRoles)
            {
                var roleArn = PrincipalResolver.PrincipalArn(config, role);
                if (!assumedBy.TryGetValue(roleArn, out var list))
                {
                    list = [];
                    assumedBy.Add(roleArn, list);
                }

                list.Add($"IAM group {groupArn}{members}");
            }
        }

        return RiskOptions.Default with
        {
            DeclaredAdmins = admins,
            AssumedBy = assumedBy.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal),
        };
    }

    private static async Task<AccessModel> LoadLiveAsync(string cluster, StateRequest request, CliContext context, CancellationToken cancellationToken)
    {
        var snapshotRequest = new SnapshotCommand.Request("", cluster, request.Connection);
        var files = ImmutableArray.CreateBuilder<RenderedFile>();
        foreach (var factory in SnapshotSourceCatalog.Factories)
        {
            files.AddRange(await factory().ReadAsync(snapshotRequest, context, cancellationToken));
        }

        var directory = Directory.CreateTempSubdirectory("eksaccess-risks-");
        try
        {
            await OutputDirectoryWriter.WriteAsync(directory.FullName, files.ToImmutable(), cancellationToken);
            return ModelLoader.Load(directory.FullName, null, request.IncludeDefaultRoles, context.Stderr);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<AuditUsage?> ReadAuditAsync(IReadOnlyList<string> files, CliContext context, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return null;
        }

        var usage = new AuditUsage(context.Stderr);
        foreach (var file in files)
        {
            await AuditFileReader.ReadAsync(file, usage, cancellationToken);
        }

        return usage;
    }
}
