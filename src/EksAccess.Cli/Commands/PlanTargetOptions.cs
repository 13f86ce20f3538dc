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

    /// <summary>The directory plan targets keep backups in (e.g. the aws-auth ConfigMap before an edit).</summary>
    public const string BackupDirectory = ".eksaccess/backups";
}
