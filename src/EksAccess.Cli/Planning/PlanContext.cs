namespace EksAccess.Cli.Planning;

/// <summary>Options and outputs shared by every plan target: --force, --dry-run, progress lines (stderr), and where backups go.</summary>
internal sealed record PlanContext(bool Force, bool DryRun, TextWriter Progress, string BackupDirectory, TimeProvider Time)
{
    /// <summary>How to reach AWS and Kubernetes (--profile, --region, --endpoint-url, …).</summary>
    public ConnectionOptions Connection { get; init; } = ConnectionOptions.Default;

    /// <summary>Where secrets an apply creates are written (access keys: USER.access-key.json, mode 0600); the current directory by default.</summary>
    public string SecretsDirectory { get; init; } = ".";

    /// <summary>The instant the config is planned and applied as of (expired items are absent): one per command, so plan and apply agree.</summary>
    public DateTimeOffset Now { get; } = Time.GetUtcNow();
}
