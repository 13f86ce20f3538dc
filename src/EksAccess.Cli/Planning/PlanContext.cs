namespace EksAccess.Cli.Planning;

/// <summary>Options and outputs shared by every plan target: --force, --dry-run, progress lines (stderr), and where backups go.</summary>
internal sealed record PlanContext(bool Force, bool DryRun, TextWriter Progress, string BackupDirectory, TimeProvider Time);
