using System.Collections.Immutable;
using EksAccess.Cli.Commands;
using EksAccess.Core.Rendering;
using EksAccess.Kubernetes;

namespace EksAccess.Cli.Snapshots;

/// <summary>
/// The Kubernetes half of a snapshot: namespaces, quotas, limit ranges, service accounts, RBAC, CRD names and
/// aws-auth, written as <c>kubectl get -o yaml</c> lists (<see cref="KubernetesSnapshotWriter"/>). Without a
/// kubeconfig (and no --kubeconfig/--context) it is skipped with a warning, so an AWS-only snapshot still works.
/// </summary>
internal sealed class KubernetesSnapshotSource : ISnapshotSource
{
    public string Name => "kubernetes";

    public async Task<ImmutableArray<RenderedFile>> ReadAsync(SnapshotCommand.Request request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var options = request.Connection.Kubernetes;
        try
        {
            if (!KubernetesOptions.IsExplicit(options) && KubeconfigResolver.FindKubeconfig(options) is null && !k8s.KubernetesClientConfiguration.IsInCluster())
            {
                await context.Stderr.WriteLineAsync("warning: no kubeconfig (KUBECONFIG, ~/.kube/config): the snapshot has the AWS half only — pass --kubeconfig FILE for the Kubernetes objects").ConfigureAwait(false);
                return [];
            }

            var client = context.CreateKubernetesClient(options);
            try
            {
                var snapshot = await client.ReadSnapshotAsync(cancellationToken);
                return [.. KubernetesSnapshotWriter.Write(snapshot).Select(file => new RenderedFile(file.Path, file.Text))];
            }
            finally
            {
                (client as IDisposable)?.Dispose();
            }
        }
        catch (Exception ex) when (KubernetesFailures.IsKubernetesFailure(ex))
        {
            throw KubernetesFailures.ToCli(ex, "snapshot cannot read the Kubernetes objects");
        }
    }
}
