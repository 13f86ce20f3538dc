using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;
using EksAccess.Core.Planning;

namespace EksAccess.Kubernetes;

/// <summary>
/// Writes kube-system/aws-auth with optimistic concurrency: read it (GET), compute the edit from what was read, refuse
/// unsafe edits, back up the old object, then PUT it with the resourceVersion that was read (POST when absent). When
/// someone else wrote in between (409 Conflict, or AlreadyExists on create) it reads, merges and tries again, up to
/// <see cref="MaxAttempts"/> times — so a concurrent edit is merged, never overwritten.
/// </summary>
public sealed class AwsAuthUpdater(IKubernetesClusterClient client, AwsAuthBackup? backup, TextWriter progress)
{
    public const int MaxAttempts = 5;

    /// <summary>
    /// Reads, edits and writes aws-auth. <paramref name="edit"/> turns the ConfigMap as read (null when absent) into the
    /// edit to write; it is called once per attempt. Throws <see cref="AwsAuthRefusedException"/> for an unsafe edit.
    /// </summary>
    public async Task<AwsAuthUpdateResult> UpdateAsync(Func<ConfigMapObject?, AwsAuthEdit> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        for (var attempt = 1; ; attempt++)
        {
            var live = await client.ReadConfigMapAsync(AwsAuthWriter.ConfigMapNamespace, AwsAuthWriter.ConfigMapName, cancellationToken);
            var result = edit(live?.Object);
            if (result.IsRefused)
            {
                throw new AwsAuthRefusedException(result.Refusals);
            }

            if (!result.Changed)
            {
                return new AwsAuthUpdateResult(result, Written: false, attempt, BackupPath: null);
            }

            string? backupPath = null;
            if (live is not null && backup is not null)
            {
                backupPath = await backup.SaveAsync(live.Yaml, cancellationToken);
                await progress.WriteLineAsync($"aws-auth: saved resourceVersion {live.ResourceVersion} to {backupPath}").ConfigureAwait(false);
            }

            try
            {
                if (live is null)
                {
                    await client.CreateConfigMapAsync(result.After, cancellationToken);
                }
                else
                {
                    await client.ReplaceConfigMapAsync(live, result.After, cancellationToken);
                }

                return new AwsAuthUpdateResult(result, Written: true, attempt, backupPath);
            }
            catch (KubernetesApiException ex) when ((ex.IsConflict || ex.IsAlreadyExists) && attempt < MaxAttempts)
            {
                await progress.WriteLineAsync(
                    $"aws-auth: changed by someone else since it was read ({ex.Reason}); reading it again and merging (attempt {attempt + 1} of {MaxAttempts})").ConfigureAwait(false);
            }
            catch (KubernetesApiException ex) when (ex.IsConflict || ex.IsAlreadyExists)
            {
                throw new KubernetesApiException(ex.Call, ex.StatusCode, ex.Reason,
                    $"aws-auth kept changing while eksaccess merged into it ({MaxAttempts} attempts); nothing was overwritten — re-run when it is quiet", ex.Causes, ex);
            }
        }
    }
}
