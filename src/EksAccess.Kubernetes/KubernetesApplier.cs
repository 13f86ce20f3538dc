using EksAccess.Core.Planning;
using EksAccess.Core.Rendering;
using EksAccess.Core.Snapshots;

namespace EksAccess.Kubernetes;

/// <summary>
/// Executes the Kubernetes changes of a plan, in order: server-side apply of each object the config wants (the
/// manifests <c>render --format k8s</c> writes), delete-and-apply for a binding whose roleRef changed, DELETE of managed
/// objects no longer wanted, and the aws-auth merge through <see cref="AwsAuthUpdater"/> (which reads aws-auth again
/// and merges into what it finds). Every step is idempotent, so a re-run after a failure converges.
/// </summary>
public sealed class KubernetesApplier(IKubernetesClusterClient client, AwsAuthUpdater awsAuth, TextWriter progress)
{
    /// <summary>
    /// Applies the Kubernetes <paramref name="changes"/> (objects taken from <paramref name="desired"/>) and returns how
    /// many ran. <paramref name="awsAuthEdit"/> computes the aws-auth edit from the ConfigMap as read at write time;
    /// <paramref name="force"/> makes server-side apply take fields other field managers own.
    /// </summary>
    public async Task<int> ApplyAsync(
        IEnumerable<PlannedChange> changes,
        ClusterSnapshot desired,
        Func<ConfigMapObject?, AwsAuthEdit> awsAuthEdit,
        bool force,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(awsAuthEdit);
        var manifests = KubernetesManifestRenderer.Manifests(desired)
            .ToDictionary(m => (m.Kind, m.Id));
        var applied = 0;
        foreach (var change in changes.Where(c => string.Equals(c.Target, PlannedChange.KubernetesTarget, StringComparison.Ordinal) && !c.IsRefused).OrderBy(c => c.Order))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.Equals(change.ResourceType, KubernetesPlanner.AwsAuthType, StringComparison.Ordinal))
            {
                var result = await awsAuth.UpdateAsync(awsAuthEdit, cancellationToken);
                await progress.WriteLineAsync(result.Written
                    ? $"aws-auth: written ({string.Join("; ", result.Edit.Details)})"
                    : "aws-auth: already as the config wants").ConfigureAwait(false);
            }
            else if (change.Kind == ChangeKind.Delete)
            {
                var (apiVersion, resource) = ResourceOf(change.ResourceType);
                var (ns, name) = Split(change.ResourceType, change.Id);
                var deleted = await client.DeleteAsync(apiVersion, resource, ns, name, cancellationToken);
                await progress.WriteLineAsync($"{change.ResourceType} {change.Id}: {(deleted ? "deleted" : "already gone")}").ConfigureAwait(false);
            }
            else
            {
                if (!manifests.TryGetValue((change.ResourceType, change.Id), out var manifest))
                {
                    throw new InvalidOperationException($"the plan names {change.ResourceType} {change.Id}, which the config does not create");
                }

                if (change.ApiCall.StartsWith("DELETE then ", StringComparison.Ordinal))
                {
                    await client.DeleteAsync(manifest.ApiVersion, manifest.Resource, manifest.Namespace, manifest.Name, cancellationToken);
                }

                await ApplyOneAsync(manifest, force, cancellationToken);
                await progress.WriteLineAsync($"{change.ResourceType} {change.Id}: applied").ConfigureAwait(false);
            }

            applied++;
        }

        return applied;
    }

    /// <summary>The API version and plural of a plan's resource type (Namespace → v1 namespaces).</summary>
    public static (string ApiVersion, string Resource) ResourceOf(string kind) => kind switch
    {
        "Namespace" => ("v1", "namespaces"),
        "ResourceQuota" => ("v1", "resourcequotas"),
        "LimitRange" => ("v1", "limitranges"),
        "ClusterRole" => (KubernetesPlanner.RbacApiVersion, "clusterroles"),
        "Role" => (KubernetesPlanner.RbacApiVersion, "roles"),
        "RoleBinding" => (KubernetesPlanner.RbacApiVersion, "rolebindings"),
        "ClusterRoleBinding" => (KubernetesPlanner.RbacApiVersion, "clusterrolebindings"),
        _ => throw new ArgumentException($"unknown Kubernetes kind {kind}", nameof(kind)),
    };

    private static (string? Namespace, string Name) Split(string kind, string id)
    {
        if (kind is "Namespace" or "ClusterRole" or "ClusterRoleBinding")
        {
            return (null, id);
        }

        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return (id[..slash], id[(slash + 1)..]);
    }

    private async Task ApplyOneAsync(KubernetesManifest manifest, bool force, CancellationToken cancellationToken)
    {
        try
        {
            await client.ApplyAsync(manifest, force, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsFieldManagerConflict)
        {
            var owners = string.Join("; ", ex.Causes.Select(c => string.IsNullOrEmpty(c.Field) ? c.Message : $"{c.Field} ({c.Message})"));
            throw new KubernetesApiException(ex.Call, ex.StatusCode, ex.Reason,
                $"{manifest.Kind} {manifest.Id}: fields eksaccess sets are managed by someone else: {owners} — eksaccess does not take them over; make the config match, or re-run apply with --force to take ownership",
                ex.Causes, ex);
        }
    }
}
