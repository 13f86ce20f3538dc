using System.Collections.Immutable;
using System.CommandLine;
using EksAccess.Aws.Access;
using EksAccess.Cli.Output;
using EksAccess.Cli.Planning;
using EksAccess.Core.Expiry;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using EksAccess.Kubernetes;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess prune --cluster C [--dry-run] [-o table|json]</c>: removes every expired grant eksaccess tagged
/// (<see cref="PrunePlanner"/>: access entries, associations, leftover records), never an untagged or non-STANDARD entry
/// and never the last path to cluster-admin, then reads the cluster again to prove nothing expired is left. Reports the
/// residue of each pruned grant (<see cref="PruneResidue"/>). Exit 0 nothing left expired, 1 something could not be
/// pruned, 3 bad input, 4 AWS/Kubernetes failure. Each call is idempotent and the expiry record goes last, so re-running
/// converges and a run stopped half-way loses nothing.
/// </summary>
internal static class PruneCommand
{
    /// <summary>eksaccess prune, as parsed.</summary>
    internal sealed record Request(string? Cluster, bool DryRun, ConnectionOptions Connection, OutputFormat Output);

    private static readonly Option<string?> Cluster = new("--cluster") { Description = "The EKS cluster name (default: the only cluster in the region)." };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Show what is expired and what would be removed; change nothing." };
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml.");
    private static readonly AwsOptions Aws = new();
    private static readonly KubernetesOptions Kubernetes = new();

    public static Command Create(CliContext context)
    {
        var command = new Command("prune", "Remove every expired grant eksaccess tagged (never the last admin path). Exit 0 nothing expired left, 1 something could not be pruned.")
        {
            Cluster, DryRun, Output,
        };
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                parseResult.GetValue(Cluster),
                parseResult.GetValue(DryRun),
                new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) },
                parseResult.GetValue(Output)),
            context,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var aws = context.CreateAwsAccess(AwsOptions.Settings(context, request.Connection.Aws, fallbackRegion: null));
        var now = context.Time.GetUtcNow();
        try
        {
            var cluster = request.Cluster ?? await OnlyCluster.FindAsync(aws, cancellationToken);
            var (entries, snapshot) = await ReadAsync(cluster, request, aws, context, cancellationToken);
            var plan = PrunePlanner.Plan(cluster, entries, snapshot, now);
            var remaining = plan;
            if (!request.DryRun && !plan.Steps.IsEmpty)
            {
                var executor = new AwsPlanExecutor(aws, new PlanContext(Force: false, DryRun: false, context.Stderr, context.BackupDirectoryFor(cluster, null), context.Time), concurrency: 1);
                await executor.ExecuteAsync(plan.Steps, cancellationToken);
                var (after, afterSnapshot) = await ReadAsync(cluster, request, aws, context, cancellationToken);
                remaining = PrunePlanner.Plan(cluster, after, afterSnapshot, now);
            }

            var residue = PruneResidue.TokenNotes(plan.Pruned, now);
            await PruneView.WriteAsync(context.Stdout, request.Output, new PruneView.Result(cluster, request.DryRun, plan, residue));
            var left = request.DryRun ? plan.Kept.Length : remaining.Pruned.Length + remaining.Kept.Length;
            if (left > 0)
            {
                await context.Stderr.WriteLineAsync($"error: {left} expired {(left == 1 ? "grant is" : "grants are")} still on cluster {cluster} (kept above, with the reason)").ConfigureAwait(false);
                return ExitCodes.Negative;
            }

            return ExitCodes.Success;
        }
        catch (Exception ex) when (AwsFailures.IsAwsFailure(ex))
        {
            throw AwsFailures.ToRemote(ex, "prune");
        }
    }

    /// <summary>
    /// The entries with their tags and policies, and the live snapshot the last-admin check judges. When Kubernetes
    /// cannot be read the check sees the access entries only, which errs on the side of keeping an admin grant.
    /// </summary>
    private static async Task<(ImmutableArray<ObservedAccessEntry> Entries, ClusterSnapshot Snapshot)> ReadAsync(
        string cluster, Request request, IAwsAccessClient aws, CliContext context, CancellationToken cancellationToken)
    {
        var entries = await aws.ReadAccessEntriesAsync(cluster, cancellationToken);
        var live = await LiveAwsState.ReadAsync(context, request.Connection.Aws, cluster, region: null, cancellationToken);
        ClusterSnapshot? objects = null;
        IKubernetesClusterClient? kubernetes = null;
        try
        {
            kubernetes = context.CreateKubernetesClient(request.Connection.Kubernetes);
            objects = await kubernetes.ReadSnapshotAsync(cancellationToken);
        }
        catch (Exception ex) when (KubernetesFailures.IsKubernetesFailure(ex) || ex is EksAccessException)
        {
            await context.Stderr.WriteLineAsync($"warning: cannot read the cluster's Kubernetes objects ({ex.Message}): the last-admin check sees the access entries only").ConfigureAwait(false);
        }
        finally
        {
            (kubernetes as IDisposable)?.Dispose();
        }

        return (entries, LiveAwsState.Combine(objects ?? new ClusterSnapshot { Cluster = live.Cluster }, live));
    }
}
