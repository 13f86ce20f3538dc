using System.Collections.Immutable;
using System.CommandLine;
using EksAccess.Cli.Planning;
using EksAccess.Cli.Snapshots;
using EksAccess.Core.Rendering;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess snapshot --output-dir DIR [--cluster NAME] [--region R] [--profile P] [--endpoint-url U] [--kubeconfig F] [--context C]</c>: reads the live
/// cluster into a snapshot directory (docs/snapshot-format.md) that every offline command takes with --snapshot. Each
/// <see cref="ISnapshotSource"/> adds its files; all are written at once (nothing partial is left on failure).
/// </summary>
internal static class SnapshotCommand
{
    /// <summary>eksaccess snapshot: the output directory, the cluster (null: the only one in the region), and how to connect.</summary>
    internal sealed record Request(string OutputDirectory, string? Cluster, ConnectionOptions Connection);

    private static readonly Option<string> OutputDirectory = new("--output-dir", "-d")
    {
        Description = "The snapshot directory to write (created if missing; files in it are replaced).",
        Required = true,
    };

    private static readonly Option<string?> Cluster = new("--cluster")
    {
        Description = "The EKS cluster name (default: the only cluster in the region).",
    };

    private static readonly AwsOptions Aws = new();
    private static readonly KubernetesOptions Kubernetes = new();

    public static Command Create(CliContext context)
    {
        var command = new Command("snapshot", "Read the live cluster (cluster.json, access-entries.json, and the Kubernetes RBAC, quota and aws-auth objects) into a snapshot directory for --snapshot.");
        command.Options.Add(OutputDirectory);
        command.Options.Add(Cluster);
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(parseResult.GetRequiredValue(OutputDirectory), parseResult.GetValue(Cluster), new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) }),
            context,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
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
