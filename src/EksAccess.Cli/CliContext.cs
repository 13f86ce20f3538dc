using EksAccess.Aws;
using EksAccess.Aws.Access;
using EksAccess.Kubernetes;

namespace EksAccess.Cli;

/// <summary>What a command needs from the outside world; tests build it with StringWriters and temp dirs.</summary>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr, TimeProvider Time)
{
    /// <summary>Where confirmations are read (apply); null when there is no input to read from.</summary>
    public TextReader? Stdin { get; init; }

    /// <summary>Running in CI (the <c>CI</c> environment variable is set): never wait for a confirmation.</summary>
    public bool IsContinuousIntegration { get; init; }

    /// <summary>The AWS settings every AWS command starts from; --profile, --region and --endpoint-url override them.</summary>
    public AwsClientSettings AwsDefaults { get; init; } = new();

    /// <summary>Builds the AWS clients for a command (tests pass fakes).</summary>
    public Func<AwsClientSettings, AwsClients> CreateAwsClients { get; init; } = AwsClients.Create;

    /// <summary>The domain-facing AWS adapter for a command, over <see cref="CreateAwsClients"/>.</summary>
    public IAwsAccessClient CreateAwsAccess(AwsClientSettings settings) =>
        new AwsAccessClient(CreateAwsClients(settings), AwsClients.ResolveRegion(settings), Time);

    /// <summary>The Kubernetes connection every Kubernetes command starts from (its environment lookup); --kubeconfig and --context override it.</summary>
    public KubernetesConnectionOptions KubernetesDefaults { get; init; } = new();

    /// <summary>Builds the Kubernetes client for a command from --kubeconfig/--context (tests point it at a stub).</summary>
    public Func<KubernetesConnectionOptions, IKubernetesClusterClient> CreateKubernetesClient { get; init; } = KubernetesClusterClient.Create;

    /// <summary>
    /// Where aws-auth backups go unless --backup-dir names a directory: one folder per cluster under it. Never the
    /// working directory, so a backup (it names every mapped principal) does not end up in a repository.
    /// </summary>
    public string BackupRoot { get; init; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".eksaccess", "backups");

    /// <summary>The backup directory of <paramref name="cluster"/>: --backup-dir when given, else <c>BackupRoot/&lt;cluster&gt;</c>.</summary>
    public string BackupDirectoryFor(string cluster, string? backupDir) => backupDir ?? Path.Combine(BackupRoot, cluster);

    public static CliContext FromConsole() => new(Console.Out, Console.Error, TimeProvider.System)
    {
        Stdin = Console.In,
        IsContinuousIntegration = Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase),
    };
}
