using System.CommandLine;
using EksAccess.Aws.Access;
using EksAccess.Cli.Output;
using EksAccess.Cli.Planning;
using EksAccess.Core.Identity;
using EksAccess.Core.Revocation;
using EksAccess.Core.Snapshots;
using EksAccess.Kubernetes;
using EksAccess.Core.Authentication;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess revoke --principal ARN [--delete-access-keys] [--dry-run] [--force] [--cluster NAME] [--region R] [--kubeconfig F]</c>:
/// finds every path the principal has into the cluster (<see cref="AccessPathFinder"/>: access entry, aws-auth
/// mappings, mapAccounts, IAM groups that let it assume a mapped role, access keys), removes the ones eksaccess may
/// remove (aws-auth mappings someone else made only with --force; access keys are deactivated, or deleted with
/// --delete-access-keys), reports the rest, and proves the result on a fresh read: exit 0 when EKS would now reject
/// the principal and no path remains, 1 when one does, 3 bad input or a refused removal, 4 AWS/Kubernetes failure.
/// </summary>
internal static class RevokeCommand
{
    /// <summary>eksaccess revoke: whom, where (null cluster: the only one in the region), how far to go, and where aws-auth backups go (null: the default).</summary>
    internal sealed record Request(string Principal, string? Cluster, ConnectionOptions Connection, bool DeleteAccessKeys, bool DryRun, bool Force, OutputFormat Output)
    {
        public string? BackupDir { get; init; }
    }

    private static readonly Option<string> Principal = new("--principal")
    {
        Description = "The IAM user or role ARN to cut off (arn:aws:iam::ACCOUNT:user/NAME or role/NAME).",
        Required = true,
    };

    private static readonly Option<string?> Cluster = new("--cluster")
    {
        Description = "The EKS cluster name (default: the only cluster in the region).",
    };

    private static readonly Option<bool> DeleteKeys = new("--delete-access-keys")
    {
        Description = "Delete the user's access keys instead of deactivating them.",
    };

    private static readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Show the paths and what would be removed; change nothing.",
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Also remove aws-auth mappings eksaccess did not write, and revoke the last cluster admin.",
    };

    private static readonly Option<string?> BackupDir = PlanTargetOptions.CreateBackupDir();
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml.");
    private static readonly AwsOptions Aws = new();
    private static readonly KubernetesOptions Kubernetes = new();

    public static Command Create(CliContext context)
    {
        var command = new Command("revoke", "Remove every path an IAM principal has into the cluster, then prove it is rejected. Exit 0 rejected, 1 a path remains.")
        {
            Principal, Cluster, DeleteKeys, DryRun, Force, BackupDir, Output,
        };
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                parseResult.GetRequiredValue(Principal),
                parseResult.GetValue(Cluster),
                new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) },
                parseResult.GetValue(DeleteKeys),
                parseResult.GetValue(DryRun),
                parseResult.GetValue(Force),
                parseResult.GetValue(Output))
            {
                BackupDir = parseResult.GetValue(BackupDir),
            },
            context,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var principal = PrincipalArn(request.Principal);
        var aws = context.CreateAwsAccess(AwsOptions.Settings(context, request.Connection.Aws, fallbackRegion: null));
        var cluster = request.Cluster ?? await OnlyCluster.FindAsync(aws, cancellationToken);
        var options = new RevokeOptions(request.Force, request.DeleteAccessKeys);
        IKubernetesClusterClient? kubernetes = null;
        try
        {
            kubernetes = context.CreateKubernetesClient(request.Connection.Kubernetes);
            var before = await ReadAsync(principal, cluster, request, aws, kubernetes, context, cancellationToken);
            var plan = AccessPathFinder.Plan(principal, cluster, before.Cluster, before.Iam, options);
            if (plan.Refusal is { } refusal)
            {
                throw new InputException($"refusing to revoke {principal}: {refusal.Message}");
            }

            if (!request.DryRun)
            {
                await ExecuteAsync(plan, aws, kubernetes, context.BackupDirectoryFor(cluster, request.BackupDir), context, cancellationToken);
            }

            var after = request.DryRun ? before : await ReadAsync(principal, cluster, request, aws, kubernetes, context, cancellationToken);
            var resolution = new IdentityResolver(after.Cluster).Resolve(principal);
            var remaining = AccessPathFinder.Find(principal, after.Cluster, after.Iam, request.Force);
            var rejected = !resolution.IsMapped && !remaining.Any(p => p.GrantsAccess);
            await RevokeView.WriteAsync(context.Stdout, request.Output, new RevokeView.Result(principal, cluster, request.DryRun, request.DeleteAccessKeys, plan.Paths, resolution, remaining, rejected));
            return rejected ? ExitCodes.Success : ExitCodes.Negative;
        }
        catch (Exception ex) when (AwsFailures.IsAwsFailure(ex))
        {
            throw AwsFailures.ToRemote(ex, $"revoke {principal}");
        }
        catch (Exception ex) when (KubernetesFailures.IsKubernetesFailure(ex))
        {
            throw KubernetesFailures.ToCli(ex, $"revoke {principal}");
        }
        finally
        {
            (kubernetes as IDisposable)?.Dispose();
        }
    }

    /// <summary>An IAM user or role ARN; a role session is taken as its role.</summary>
    internal static string PrincipalArn(string text)
    {
        if (!IamPrincipalArn.TryParse(text, out var arn, out var error))
        {
            throw new InputException($"--principal {text}: {error} — give an IAM user or role ARN, e.g. arn:aws:iam::111122223333:user/dev-john");
        }

        return arn.Kind switch
        {
            IamPrincipalKind.User or IamPrincipalKind.Role => arn.Value,
            IamPrincipalKind.AssumedRole => arn.Canonicalize().Value,
            _ => throw new InputException($"--principal {text}: revoke takes an IAM user or role ARN (a {arn.Kind} cannot be mapped into a cluster by eksaccess)"),
        };
    }

    private static async Task<(ClusterSnapshot Cluster, IamPrincipalFacts Iam)> ReadAsync(
        string principal, string cluster, Request request, IAwsAccessClient aws, IKubernetesClusterClient kubernetes, CliContext context, CancellationToken cancellationToken)
    {
        var live = LiveAwsState.ReadAsync(context, request.Connection.Aws, cluster, region: null, cancellationToken);
        var objects = kubernetes.ReadSnapshotAsync(cancellationToken);
        var iam = aws.ReadPrincipalAsync(principal, cancellationToken);
        await Task.WhenAll(live, objects, iam);
        return (LiveAwsState.Combine(await objects, await live), await iam);
    }

    /// <summary>The access entry first, then the aws-auth mappings, then IAM memberships and keys — through apply's executor.</summary>
    private static async Task ExecuteAsync(RevokePlan plan, IAwsAccessClient aws, IKubernetesClusterClient kubernetes, string backups, CliContext context, CancellationToken cancellationToken)
    {
        var executor = new AwsPlanExecutor(aws, new PlanContext(plan.Options.Force, DryRun: false, context.Stderr, backups, context.Time), concurrency: 1);
        await executor.ExecuteAsync(plan.ClusterSteps, cancellationToken);
        if (plan.EditsAwsAuth)
        {
            var updater = new AwsAuthUpdater(kubernetes, new AwsAuthBackup(backups, context.Time), context.Stderr);
            var result = await updater.UpdateAsync(plan.EditAwsAuth, cancellationToken);
            await context.Stderr.WriteLineAsync($"PUT v1 configmaps kube-system/aws-auth: {(result.Written ? string.Join("; ", result.Edit.Details) : "nothing to remove")}").ConfigureAwait(false);
        }

        await executor.ExecuteAsync(plan.IamSteps, cancellationToken);
    }
}
