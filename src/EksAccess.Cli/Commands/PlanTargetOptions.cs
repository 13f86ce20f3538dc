using System.CommandLine;
using EksAccess.Cli.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>--target of plan and apply: aws, kubernetes or all (the default).</summary>
internal static class PlanTargetOptions
{
    public static Option<string> CreateTarget() => new Option<string>("--target")
    {
        Description = "What to plan: aws (IAM, authentication mode, access entries), kubernetes (namespaces, RBAC, aws-auth) or all.",
        DefaultValueFactory = _ => PlanRunner.AllTargets,
    }.AcceptOnlyFromAmong("aws", "kubernetes", PlanRunner.AllTargets);

    /// <summary>--backup-dir of plan, apply and revoke: where the aws-auth ConfigMap is saved before an edit.</summary>
    public static Option<string?> CreateBackupDir() => new("--backup-dir")
    {
        Description = "Where to save the aws-auth ConfigMap before editing it (default: ~/.eksaccess/backups/<cluster>/, owner-only).",
    };
}
