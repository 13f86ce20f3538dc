using EksAccess.Core.Config;
using EksAccess.Core.Expiry;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using EksAccess.Kubernetes;
using EksAccess.Core.Desired;

namespace EksAccess.Cli.Planning;

/// <summary>
/// The "kubernetes" plan target: reads the cluster's objects (namespaces, quotas, limit ranges, RBAC, aws-auth) with
/// the Kubernetes adapter and the access entries with the AWS clients, plans with <see cref="KubernetesPlanner"/>,
/// and applies with <see cref="KubernetesApplier"/>: server-side apply (field manager eksaccess; --force takes
/// fields other managers own and deletes managed namespaces the config dropped) and the aws-auth merge, which reads
/// aws-auth (and the access entries, after the AWS half ran) again at write time.
/// </summary>
internal sealed class KubernetesPlanTarget(CliContext context) : IPlanTarget
{
    public const string TargetName = PlannedChange.KubernetesTarget;

    private readonly CliContext _context = context ?? throw new ArgumentNullException(nameof(context));

    public string Name => TargetName;

    public async Task<Plan> PlanAsync(AccessConfig config, PlanContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(context);
        var view = ConfigExpiry.At(config, context.Now);
        var desired = DesiredState.Build(view.Current);
        var observed = await ReadAsync(config, context, cancellationToken);
        var result = KubernetesPlanner.Plan(desired, observed, new KubernetesPlanOptions { PruneNamespaces = context.Force });
        return ExpiryNotes.Annotate(result.Plan, view);
    }

    public async Task<int> ApplyAsync(AccessConfig config, Plan plan, PlanContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        var changes = plan.Changes.Where(c => string.Equals(c.Target, TargetName, StringComparison.Ordinal) && !c.IsRefused).OrderBy(c => c.Order).ToList();
        if (context.DryRun)
        {
            for (var i = 0; i < changes.Count; i++)
            {
                await context.Progress.WriteLineAsync($"[{i + 1}/{changes.Count}] would call {changes[i].ApiCall} (dry run)").ConfigureAwait(false);
            }

            return 0;
        }

        var desired = DesiredState.Build(ConfigExpiry.At(config, context.Now).Current);
        try
        {
            var client = _context.CreateKubernetesClient(context.Connection.Kubernetes);
            try
            {
                // The AWS half ran first: judge the aws-auth edit against the access entries as they are now.
                var aws = await LiveAwsState.TryReadAsync(_context, context.Connection.Aws, config.Cluster.Name, config.Cluster.Region, context.Progress, cancellationToken);
                var adminState = KubernetesPlanner.AdminCheckState(desired, aws ?? new ClusterSnapshot { Cluster = desired.Cluster });
                var backup = new AwsAuthBackup(context.BackupDirectory, context.Time);
                var progress = new NumberedProgress(context.Progress, changes.Count);
                var applier = new KubernetesApplier(client, new AwsAuthUpdater(client, backup, context.Progress), progress);
                return await applier.ApplyAsync(
                    changes,
                    desired,
                    current => AwsAuthMerge.Merge(current, desired.AwsAuth, adminState with { AwsAuth = current }),
                    context.Force,
                    cancellationToken);
            }
            finally
            {
                (client as IDisposable)?.Dispose();
            }
        }
        catch (Exception ex) when (KubernetesFailures.IsKubernetesFailure(ex))
        {
            throw KubernetesFailures.ToCli(ex, "kubernetes apply stopped");
        }
    }

    private async Task<ClusterSnapshot> ReadAsync(AccessConfig config, PlanContext context, CancellationToken cancellationToken)
    {
        ClusterSnapshot kubernetes;
        try
        {
            var client = _context.CreateKubernetesClient(context.Connection.Kubernetes);
            try
            {
                kubernetes = await client.ReadSnapshotAsync(cancellationToken);
            }
            finally
            {
                (client as IDisposable)?.Dispose();
            }
        }
        catch (Exception ex) when (KubernetesFailures.IsKubernetesFailure(ex))
        {
            throw KubernetesFailures.ToCli(ex, "cannot read the Kubernetes state");
        }

        var aws = await LiveAwsState.TryReadAsync(_context, context.Connection.Aws, config.Cluster.Name, config.Cluster.Region, context.Progress, cancellationToken);
        return LiveAwsState.Combine(kubernetes, aws);
    }

    /// <summary>Numbers the applier's progress lines: <c>[3/7] Role dev-apps/developer-role: applied</c>.</summary>
    private sealed class NumberedProgress(TextWriter inner, int total) : TextWriter
    {
        private int _line;

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void WriteLine(string? value)
        {
            _line++;
            inner.WriteLine($"[{_line}/{total}] {value}");
        }

        public override Task WriteLineAsync(string? value)
        {
            _line++;
            return inner.WriteLineAsync($"[{_line}/{total}] {value}");
        }
    }
}
