using System.Collections.Immutable;
using System.CommandLine;
using EksAccess.Cli.Planning;
using EksAccess.Cli.Snapshots;
using EksAccess.Core.Rendering;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess snapshot -o DIR [--cluster NAME] [--region R] [--profile P] [--endpoint-url U] [--kubeconfig F] [--context C]</c>: reads the live
/// cluster into a snapshot directory (docs/snapshot-format.md) that every offline command takes with --snapshot. Each
/// <see cref="ISnapshotSource"/> adds its files; all are written at once (nothing partial is left on failure).
/// </summary>
internal static class SnapshotCommand
{
    private static readonly Option<string> OutputOption = new("--output", "-o")
    {
        Description = "The snapshot directory to write (created if missing; files in it are replaced).",
        Required = true,
    };

    private static readonly Option<string?> ClusterOption = new("--cluster")
    {
        Description = "The EKS cluster name (default: the only cluster in the region).",
    };

    private static readonly AwsOptions Aws = new();
    private static readonly KubernetesOptions Kubernetes = new();

    public static Command Create(CliContext context)
    {
        var command = new Command("snapshot", "Read the live cluster (cluster.json, access-entries.json, and the Kubernetes RBAC, quota and aws-auth objects) into a snapshot directory for --snapshot.");
        command.Options.Add(OutputOption);
        command.Options.Add(ClusterOption);
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new SnapshotRequest(parseResult.GetRequiredValue(OutputOption), parseResult.GetValue(ClusterOption), new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) }),
            context,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(SnapshotRequest request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var files = ImmutableArray.CreateBuilder<RenderedFile>();
        foreach (var factory in SnapshotSourceCatalog.Factories)
        {
            files.AddRange(await factory().ReadAsync(request, context, cancellationToken));
        }

        var written = await OutputDirectoryWriter.WriteAsync(request.OutputDirectory, files.ToImmutable(), cancellationToken);
        foreach (var path in written.Written)
        {
            await context.Stdout.WriteLineAsync(path);
        }

        return ExitCodes.Success;
    }
}
