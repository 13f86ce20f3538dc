using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Aws.Access;
using EksAccess.Cli.Output;
using EksAccess.Cli.Planning;
using EksAccess.Core.Identity;
using EksAccess.Core.Revocation;
using EksAccess.Core.Snapshots;
using EksAccess.Kubernetes;

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
    private static readonly Option<string> PrincipalOption = new("--principal")
    {
        Description = "The IAM user or role ARN to cut off (arn:aws:iam::ACCOUNT:user/NAME or role/NAME).",
        Required = true,
    };

    private static readonly Option<string?> ClusterOption = new("--cluster")
    {
        Description = "The EKS cluster name (default: the only cluster in the region).",
    };

    private static readonly Option<bool> DeleteKeysOption = new("--delete-access-keys")
    {
        Description = "Delete the user's access keys instead of deactivating them.",
    };

    private static readonly Option<bool> DryRunOption = new("--dry-run")
    {
        Description = "Show the paths and what would be removed; change nothing.",
    };

    private static readonly Option<bool> ForceOption = new("--force")
    {
        Description = "Also remove aws-auth mappings eksaccess did not write, and revoke the last cluster admin.",
    };

    private static readonly Option<string> OutputOption = GlobalOptions.CreateOutputFormat();
    private static readonly AwsOptions Aws = new();
    private static readonly KubernetesOptions Kubernetes = new();

    public static Command Create(CliContext context)
    {
        var command = new Command("revoke", "Remove every path an IAM principal has into the cluster, then prove it is rejected. Exit 0 rejected, 1 a path remains.")
        {
            PrincipalOption, ClusterOption, DeleteKeysOption, DryRunOption, ForceOption, OutputOption,
        };
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new RevokeRequest(
                parseResult.GetRequiredValue(PrincipalOption),
                parseResult.GetValue(ClusterOption),
                new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) },
                parseResult.GetValue(DeleteKeysOption),
                parseResult.GetValue(DryRunOption),
                parseResult.GetValue(ForceOption),
                parseResult.GetRequiredValue(OutputOption)),
            context,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(RevokeRequest request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var principal = Principal(request.Principal);
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
                await ExecuteAsync(plan, aws, kubernetes, context, cancellationToken);
            }

            var after = request.DryRun ? before : await ReadAsync(principal, cluster, request, aws, kubernetes, context, cancellationToken);
            var resolution = new IdentityResolver(after.Cluster).Resolve(principal);
            var remaining = AccessPathFinder.Find(principal, after.Cluster, after.Iam, request.Force);
            var rejected = !resolution.IsMapped && !remaining.Any(p => p.GrantsAccess);
            await WriteAsync(request, context, principal, cluster, plan.Paths, resolution, remaining, rejected);
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
    private static string Principal(string text)
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
        string principal, string cluster, RevokeRequest request, IAwsAccessClient aws, IKubernetesClusterClient kubernetes, CliContext context, CancellationToken cancellationToken)
    {
        var live = LiveAwsState.ReadAsync(context, request.Connection.Aws, cluster, region: null, cancellationToken);
        var objects = kubernetes.ReadSnapshotAsync(cancellationToken);
        var iam = aws.ReadPrincipalAsync(principal, cancellationToken);
        await Task.WhenAll(live, objects, iam);
        return (LiveAwsState.Combine(await objects, await live), await iam);
    }

    /// <summary>The access entry first, then the aws-auth mappings, then IAM memberships and keys — through apply's executor.</summary>
    private static async Task ExecuteAsync(RevokePlan plan, IAwsAccessClient aws, IKubernetesClusterClient kubernetes, CliContext context, CancellationToken cancellationToken)
    {
        var executor = new AwsPlanExecutor(aws, new PlanContext(plan.Options.Force, DryRun: false, context.Stderr, PlanTargetOptions.BackupDirectory, context.Time), concurrency: 1);
        await executor.ExecuteAsync(plan.ClusterSteps, cancellationToken);
        if (plan.EditsAwsAuth)
        {
            var updater = new AwsAuthUpdater(kubernetes, new AwsAuthBackup(PlanTargetOptions.BackupDirectory, context.Time), context.Stderr);
            var result = await updater.UpdateAsync(plan.EditAwsAuth, cancellationToken);
            await context.Stderr.WriteLineAsync($"PUT v1 configmaps kube-system/aws-auth: {(result.Written ? string.Join("; ", result.Edit.Details) : "nothing to remove")}").ConfigureAwait(false);
        }

        await executor.ExecuteAsync(plan.IamSteps, cancellationToken);
    }

    private static async Task WriteAsync(
        RevokeRequest request, CliContext context, string principal, string cluster, ImmutableArray<AccessPath> paths,
        IdentityResolution resolution, ImmutableArray<AccessPath> remaining, bool rejected)
    {
        string Action(AccessPath path) => !path.Removable
            ? "kept: " + path.Reason
            : (request.DryRun ? "would " : "") + path.Kind switch
            {
                AccessPathKind.AccessKey => request.DeleteAccessKeys ? "delete" : "deactivate",
                _ => "remove",
            };

        var whoami = resolution is IdentityResolution.Mapped mapped
            ? $"authenticated as {mapped.Username} [{string.Join(", ", mapped.Groups)}] via {mapped.MatchedBy}"
            : $"rejected: {((IdentityResolution.Rejected)resolution).Reason}";
        if (StructuredOutput.IsStructured(request.Output))
        {
            StructuredOutput.Write(context.Stdout, request.Output, new JsonObject
            {
                ["principal"] = principal,
                ["cluster"] = cluster,
                ["dryRun"] = request.DryRun,
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
            await context.Stdout.WriteLineAsync($"{principal} has no path into cluster {cluster}.").ConfigureAwait(false);
        }
        else
        {
            var table = new TextTable("KIND", "PATH", "ACTION");
            foreach (var path in paths)
            {
                table.AddRow(path.Kind.ToString(), path.Description, Action(path));
            }

            table.Write(context.Stdout);
        }

        await context.Stdout.WriteLineAsync($"whoami {principal}: {whoami}").ConfigureAwait(false);
        foreach (var path in remaining.Where(p => p.GrantsAccess))
        {
            await context.Stdout.WriteLineAsync($"remaining path: {path.Description}{(path.Reason is null ? "" : " — " + path.Reason)}").ConfigureAwait(false);
        }

        await context.Stdout.WriteLineAsync(rejected
            ? $"Revoked: EKS rejects {principal} on cluster {cluster}{(request.DryRun ? " (already; dry run)" : "")}."
            : $"Not revoked: {principal} still has a path into cluster {cluster}{(request.DryRun ? " (dry run: nothing changed)" : "")}.").ConfigureAwait(false);
    }
}
