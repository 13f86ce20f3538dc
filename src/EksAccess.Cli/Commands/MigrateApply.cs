using System.Collections.Immutable;
using EksAccess.Aws.Access;
using EksAccess.Cli.Planning;
using EksAccess.Core.Identity;
using EksAccess.Core.Migration;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using EksAccess.Kubernetes;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>migrate --apply</c>, through apply's executor (idempotent calls, mode updates waited for): aws-auth backed up,
/// CONFIG_MAP → API_AND_CONFIG_MAP if needed, then the entries one by one, each followed by a fresh read and the proof
/// of that step against the state before the migration; the switch to API only when asked and everything still holds.
/// It stops at the first step whose proof fails (exit 1) and never edits or deletes aws-auth.
/// </summary>
internal sealed class MigrateApply(
    string cluster,
    IAwsAccessClient aws,
    IKubernetesClusterClient kubernetes,
    CliContext context,
    string? backupDir,
    Func<CancellationToken, Task<ClusterSnapshot>> read)
{
    public async Task<int> RunAsync(MigrationResult result, bool autoApprove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var switchMode = result.From == AuthenticationMode.ConfigMap;
        var switchToApi = result.To == AuthenticationMode.Api && result.From != AuthenticationMode.Api;
        var count = result.Entries.Length + (switchMode ? 1 : 0) + (switchToApi ? 1 : 0);
        var progress = context.Stderr;
        if (count == 0)
        {
            await progress.WriteLineAsync("migrate: nothing to apply");
            return ExitCodes.Success;
        }

        if (!autoApprove && !await ConfirmAsync(count, cancellationToken))
        {
            await progress.WriteLineAsync("migrate: cancelled, nothing changed");
            return ExitCodes.Negative;
        }

        var backups = context.BackupDirectoryFor(cluster, backupDir);
        var live = await kubernetes.ReadConfigMapAsync(AwsAuthNames.ConfigMapNamespace, AwsAuthNames.ConfigMapName, cancellationToken);
        if (live is not null)
        {
            var path = await new AwsAuthBackup(backups, context.Time).SaveAsync(live.Yaml, cancellationToken);
            await progress.WriteLineAsync($"aws-auth: saved resourceVersion {live.ResourceVersion} to {path}");
        }

        var before = result.Input with { Accepted = Accepted(result) };
        var executor = new AwsPlanExecutor(aws, new PlanContext(Force: false, DryRun: false, progress, backups, context.Time), concurrency: 1);
        if (switchMode)
        {
            await executor.ExecuteAsync([ModeStep(AuthenticationMode.ApiAndConfigMap)], cancellationToken);
            if (!await ProvenAsync(before, result.Entries, $"mode {AuthenticationMode.ApiAndConfigMap.ToWire()}", cancellationToken))
            {
                return ExitCodes.Negative;
            }
        }

        var clusterArn = result.Input.Snapshot.Cluster?.Arn ?? "";
        for (var i = 0; i < result.Entries.Length; i++)
        {
            var planned = result.Entries[i];
            await executor.ExecuteAsync(Steps(planned, clusterArn), cancellationToken);
            if (!await ProvenAsync(before, result.Entries, $"entry {i + 1} of {result.Entries.Length} ({planned.Source}) created", cancellationToken))
            {
                return ExitCodes.Negative;
            }
        }

        if (switchToApi)
        {
            await executor.ExecuteAsync([ModeStep(AuthenticationMode.Api)], cancellationToken);
            if (!await ProvenAsync(before, result.Entries, $"mode {AuthenticationMode.Api.ToWire()}", cancellationToken))
            {
                return ExitCodes.Negative;
            }

            await progress.WriteLineAsync("migrate: the cluster is in API mode; aws-auth is inert and was left in place (backed up above). Delete it when you no longer want it: kubectl -n kube-system delete configmap aws-auth");
        }
        else
        {
            await progress.WriteLineAsync("migrate: done; aws-auth was left in place and still maps principals that have no access entry. Run migrate --target-mode API when the proof holds for everyone");
        }

        return ExitCodes.Success;
    }

    private static ImmutableArray<string> Accepted(MigrationResult result) =>
        [.. result.Proof.Differences.Where(d => d.Accepted).Select(d => d.PrincipalArn).Distinct(StringComparer.Ordinal)];

    /// <summary>A fresh read, proven against the state before the migration; false (after printing the differences) when a principal changed.</summary>
    private async Task<bool> ProvenAsync(MigrationInput before, ImmutableArray<PlannedEntry> entries, string stage, CancellationToken cancellationToken)
    {
        var now = await read(cancellationToken);
        var proof = EquivalenceProver.ProveStep(before, entries, now, stage);
        if (proof.Proceed)
        {
            await context.Stderr.WriteLineAsync($"proof after {stage}: {proof.Principals} principal(s) unchanged");
            return true;
        }

        foreach (var difference in proof.Differences.Where(d => !d.Accepted))
        {
            await context.Stderr.WriteLineAsync($"proof after {stage}: {difference.PrincipalArn}: {string.Join("; ", difference.What)}");
        }

        await context.Stderr.WriteLineAsync($"migrate: stopped after {stage}: the fresh read differs from the state before the migration (what was made stays; aws-auth is untouched) — investigate, then run migrate again");
        return false;
    }

    private AwsPlanStep ModeStep(AuthenticationMode mode) => new(
        new PlannedChange(PlannedChange.AwsTarget, ChangeKind.Update, "authentication-mode", cluster, "eks:UpdateClusterConfig", [$"authenticationMode → {mode.ToWire()}"]) { Order = AwsPlanOrder.AuthenticationMode },
        new UpdateAuthenticationModeAction(cluster, mode));

    private List<AwsPlanStep> Steps(PlannedEntry planned, string clusterArn)
    {
        var entry = planned.Entry;
        var standard = AccessEntryDefaults.IsStandard(entry.Type);
        var steps = new List<AwsPlanStep>
        {
            new(
                new PlannedChange(PlannedChange.AwsTarget, ChangeKind.Create, "access-entry", entry.PrincipalArn, "eks:CreateAccessEntry", [$"type: {entry.Type}", $"from: aws-auth {planned.Source}"]) { Order = AwsPlanOrder.AccessEntries },
                // EKS fixes the username and groups of node types and refuses them in the request.
                new CreateAccessEntryAction(cluster, entry.PrincipalArn, entry.Type, standard ? entry.Username : null, standard ? entry.KubernetesGroups : [], AwsOwnership.CreationTags(ImmutableSortedDictionary<string, string>.Empty, clusterArn))),
        };
        foreach (var policy in entry.AssociatedAccessPolicies)
        {
            steps.Add(new AwsPlanStep(
                new PlannedChange(PlannedChange.AwsTarget, ChangeKind.Create, "access-policy", entry.PrincipalArn, "eks:AssociateAccessPolicy", [$"policy: {policy.PolicyArn}"]) { Order = AwsPlanOrder.AccessPolicies },
                new AssociateAccessPolicyAction(cluster, entry.PrincipalArn, policy.PolicyArn, policy.AccessScope)));
        }

        return steps;
    }

    private async Task<bool> ConfirmAsync(int count, CancellationToken cancellationToken)
    {
        const string Hint = "review `eksaccess migrate --cluster C` first, then run it with --apply --auto-approve";
        if (context.IsContinuousIntegration || context.Stdin is null)
        {
            throw new InputException($"migrate --apply needs a confirmation and there is no one to ask ({(context.IsContinuousIntegration ? "CI is set" : "no input")}) — {Hint}");
        }

        await context.Stderr.WriteAsync($"Apply these {count} change(s) to cluster {cluster}? (yes/no) ");
        await context.Stderr.FlushAsync(cancellationToken);
        var line = await context.Stdin.ReadLineAsync(cancellationToken) ?? throw new InputException($"migrate --apply needs a confirmation and the input ended — {Hint}");
        return string.Equals(line.Trim(), "yes", StringComparison.Ordinal);
    }
}
