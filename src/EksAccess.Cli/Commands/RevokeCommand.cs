using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Aws;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Iam;
using EksAccess.Aws.Iam.Model;
using EksAccess.Cli.Output;
using EksAccess.Cli.Planning;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
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
        var settings = AwsOptions.Settings(context, request.Connection.Aws, fallbackRegion: null);
        var clients = context.CreateAwsClients(settings);
        var cluster = request.Cluster ?? await OnlyClusterAsync(clients, AwsClients.ResolveRegion(settings), cancellationToken);
        IKubernetesClusterClient? kubernetes = null;
        try
        {
            kubernetes = context.CreateKubernetesClient(request.Connection.Kubernetes);
            var before = await ReadAsync(principal, cluster, request, clients, kubernetes, context, cancellationToken);
            var paths = AccessPathFinder.Find(principal, before.Cluster, before.Iam, request.Force);
            var edit = AwsAuthMerge.Remove(before.Cluster.AwsAuth, principal, request.Force, WithoutEntry(before.Cluster, principal));
            var refusal = Refusal(principal, before.Cluster, edit, request.Force);
            if (refusal is not null)
            {
                throw new InputException($"refusing to revoke {principal}: {refusal}");
            }

            if (!request.DryRun)
            {
                await RemoveAsync(principal, cluster, paths, WithoutEntry(before.Cluster, principal), request, clients, kubernetes, context, cancellationToken);
            }

            var after = request.DryRun ? before : await ReadAsync(principal, cluster, request, clients, kubernetes, context, cancellationToken);
            var resolution = new IdentityResolver(after.Cluster).Resolve(principal);
            var remaining = AccessPathFinder.Find(principal, after.Cluster, after.Iam, request.Force);
            var rejected = !resolution.IsMapped && !remaining.Any(p => p.GrantsAccess);
            await WriteAsync(request, context, principal, cluster, paths, resolution, remaining, rejected);
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
        string principal, string cluster, RevokeRequest request, AwsClients clients, IKubernetesClusterClient kubernetes, CliContext context, CancellationToken cancellationToken)
    {
        var aws = LiveAwsState.ReadAsync(context, request.Connection.Aws, cluster, region: null, cancellationToken);
        var objects = kubernetes.ReadSnapshotAsync(cancellationToken);
        var iam = PrincipalResolver.KindOf(principal) == PrincipalKind.User
            ? ReadUserAsync(clients.Iam, PrincipalResolver.IamNameOf(principal), cancellationToken)
            : Task.FromResult(IamPrincipalFacts.None);
        await Task.WhenAll(aws, objects, iam);
        return (LiveAwsState.Combine(await objects, await aws), await iam);
    }

    private static async Task<IamPrincipalFacts> ReadUserAsync(IIamClient iam, string user, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadExistingUserAsync(iam, user, cancellationToken);
        }
        catch (AwsServiceException ex) when (string.Equals(ex.ErrorCode, "NoSuchEntity", StringComparison.Ordinal))
        {
            // A mapping can outlive its IAM user: then there is nothing in IAM to revoke.
            return IamPrincipalFacts.None;
        }
    }

    private static async Task<IamPrincipalFacts> ReadExistingUserAsync(IIamClient iam, string user, CancellationToken cancellationToken)
    {
        var groups = ImmutableArray.CreateBuilder<IamGroupFacts>();
        await foreach (var group in iam.ListGroupsForUserAllAsync(new ListGroupsForUserRequest { UserName = user }, cancellationToken))
        {
            var policies = ImmutableArray.CreateBuilder<IamPolicyFacts>();
            await foreach (var name in iam.ListGroupPoliciesAllAsync(new ListGroupPoliciesRequest { GroupName = group.GroupName }, cancellationToken))
            {
                var policy = await iam.GetGroupPolicyAsync(new GetGroupPolicyRequest { GroupName = group.GroupName, PolicyName = name }, cancellationToken);
                policies.Add(new IamPolicyFacts(name, policy.PolicyDocument ?? "{}"));
            }

            groups.Add(new IamGroupFacts(group.GroupName ?? "", policies.ToImmutable()));
        }

        var inline = ImmutableArray.CreateBuilder<IamPolicyFacts>();
        await foreach (var name in iam.ListUserPoliciesAllAsync(new ListUserPoliciesRequest { UserName = user }, cancellationToken))
        {
            var policy = await iam.GetUserPolicyAsync(new GetUserPolicyRequest { UserName = user, PolicyName = name }, cancellationToken);
            inline.Add(new IamPolicyFacts(name, policy.PolicyDocument ?? "{}"));
        }

        var keys = ImmutableArray.CreateBuilder<AccessKeyFacts>();
        await foreach (var key in iam.ListAccessKeysAllAsync(new ListAccessKeysRequest { UserName = user }, cancellationToken))
        {
            keys.Add(new AccessKeyFacts(key.AccessKeyId ?? "", key.Status ?? ""));
        }

        return new IamPrincipalFacts { Groups = groups.ToImmutable(), InlinePolicies = inline.ToImmutable(), AccessKeys = keys.ToImmutable() };
    }

    /// <summary>Revoking the last way to cluster-admin (or an aws-auth edit that is unsafe) is refused unless --force.</summary>
    private static string? Refusal(string principal, ClusterSnapshot cluster, AwsAuthEdit edit, bool force)
    {
        if (edit.IsRefused && !(force && edit.Refusals.All(r => r.Contains("cluster-admin", StringComparison.Ordinal))))
        {
            return string.Join("; ", edit.Refusals);
        }

        var afterRevoke = WithoutEntry(cluster, principal) with { AwsAuth = edit.Changed ? edit.After : cluster.AwsAuth };
        if (!force && AwsAuthMerge.HasClusterAdminPath(cluster) && !AwsAuthMerge.HasClusterAdminPath(afterRevoke))
        {
            return "it is the last IAM principal with a path to cluster-admin: add another admin first, or re-run with --force";
        }

        return null;
    }

    private static ClusterSnapshot WithoutEntry(ClusterSnapshot cluster, string principal) => cluster with
    {
        AccessEntries = [.. (cluster.AccessEntries.IsDefault ? [] : cluster.AccessEntries).Where(e =>
            !string.Equals(PrincipalResolver.AwsAuthArn(e.PrincipalArn), PrincipalResolver.AwsAuthArn(principal), StringComparison.OrdinalIgnoreCase))],
    };

    private static async Task RemoveAsync(
        string principal, string cluster, ImmutableArray<AccessPath> paths, ClusterSnapshot adminState, RevokeRequest request, AwsClients clients, IKubernetesClusterClient kubernetes, CliContext context, CancellationToken cancellationToken)
    {
        var user = PrincipalResolver.IamNameOf(principal);
        foreach (var path in paths.Where(p => p.Removable && p.Kind == AccessPathKind.AccessEntry))
        {
            try
            {
                await clients.Eks.DeleteAccessEntryAsync(new DeleteAccessEntryRequest { ClusterName = cluster, PrincipalArn = path.Target }, cancellationToken);
                await context.Stderr.WriteLineAsync($"eks:DeleteAccessEntry {path.Target}: deleted").ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (string.Equals(ex.ErrorCode, "ResourceNotFoundException", StringComparison.Ordinal))
            {
                await context.Stderr.WriteLineAsync($"eks:DeleteAccessEntry {path.Target}: already gone").ConfigureAwait(false);
            }
        }

        if (paths.Any(p => p.Removable && p.Kind == AccessPathKind.AwsAuthMapping))
        {
            var backup = new AwsAuthBackup(PlanTargetOptions.BackupDirectory, context.Time);
            var updater = new AwsAuthUpdater(kubernetes, backup, context.Stderr);
            var result = await updater.UpdateAsync(
                current =>
                {
                    var edit = AwsAuthMerge.Remove(current, principal, request.Force, adminState with { AwsAuth = current });
                    return request.Force ? edit with { Refusals = [.. edit.Refusals.Where(r => !r.Contains("cluster-admin", StringComparison.Ordinal))] } : edit;
                },
                cancellationToken);
            await context.Stderr.WriteLineAsync($"PUT v1 configmaps kube-system/aws-auth: {(result.Written ? string.Join("; ", result.Edit.Details) : "nothing to remove")}").ConfigureAwait(false);
        }

        foreach (var path in paths.Where(p => p.Removable && p.Kind == AccessPathKind.GroupAssumeRole).DistinctBy(p => p.Target, StringComparer.Ordinal))
        {
            await clients.Iam.RemoveUserFromGroupAsync(new RemoveUserFromGroupRequest { GroupName = path.Target, UserName = user }, cancellationToken);
            await context.Stderr.WriteLineAsync($"iam:RemoveUserFromGroup {path.Target} {user}: removed").ConfigureAwait(false);
        }

        foreach (var path in paths.Where(p => p.Removable && p.Kind == AccessPathKind.AccessKey))
        {
            if (request.DeleteAccessKeys)
            {
                await clients.Iam.DeleteAccessKeyAsync(new DeleteAccessKeyRequest { UserName = user, AccessKeyId = path.Target }, cancellationToken);
                await context.Stderr.WriteLineAsync($"iam:DeleteAccessKey {path.Target}: deleted").ConfigureAwait(false);
            }
            else
            {
                await clients.Iam.UpdateAccessKeyAsync(new UpdateAccessKeyRequest { UserName = user, AccessKeyId = path.Target, Status = StatusType.Inactive }, cancellationToken);
                await context.Stderr.WriteLineAsync($"iam:UpdateAccessKey {path.Target}: deactivated").ConfigureAwait(false);
            }
        }
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

    private static async Task<string> OnlyClusterAsync(AwsClients clients, string? region, CancellationToken cancellationToken)
    {
        var clusters = new List<string>();
        await foreach (var name in clients.Eks.ListClustersAllAsync(new ListClustersRequest(), cancellationToken))
        {
            clusters.Add(name);
        }

        return clusters.Count switch
        {
            1 => clusters[0],
            0 => throw new InputException($"no EKS cluster in {region ?? "the default region"} — pass --cluster NAME and --region R"),
            _ => throw new InputException($"{clusters.Count} EKS clusters in {region ?? "the default region"} ({string.Join(", ", clusters.Order(StringComparer.Ordinal))}) — pass --cluster NAME"),
        };
    }
}
