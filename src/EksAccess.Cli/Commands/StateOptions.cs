using System.CommandLine;
using EksAccess.Cli.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>
/// The state risks and report read, as the other commands take it: <c>--snapshot DIR</c>, <c>-f access.yaml</c>, or live
/// (<c>--cluster C</c> with the AWS and kubeconfig options of <c>eksaccess snapshot</c>); plus <c>--audit-file</c>.
/// </summary>
internal sealed class StateOptions
{
    public Option<string?> Snapshot { get; } = GlobalOptions.CreateSnapshot();

    public Option<string?> File { get; } = GlobalOptions.CreateOptionalFile();

    public Option<string?> Cluster { get; } = new("--cluster") { Description = "Read the live cluster (as eksaccess snapshot does) instead of --snapshot or -f." };

    public Option<string[]> AuditFiles { get; } = new("--audit-file") { Description = "Kubernetes audit log files (JSON lines, gzip ok): who was seen; repeatable.", AllowMultipleArgumentsPerToken = false };

    public Option<bool> NoDefaultRoles { get; } = GlobalOptions.CreateNoDefaultRoles();

    private AwsOptions Aws { get; } = new();

    private KubernetesOptions Kubernetes { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Snapshot);
        command.Options.Add(File);
        command.Options.Add(Cluster);
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.Options.Add(AuditFiles);
        command.Options.Add(NoDefaultRoles);
    }

    public StateRequest Read(ParseResult parseResult, CliContext context) => new(
        parseResult.GetValue(Snapshot),
        parseResult.GetValue(File),
        parseResult.GetValue(Cluster),
        new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) },
        parseResult.GetValue(AuditFiles) ?? [],
        !parseResult.GetValue(NoDefaultRoles));
}
