using System.CommandLine;

namespace EksAccess.Cli.Commands;

/// <summary><c>eksaccess audit</c>: who did what in the cluster (activity, summary) and who changed who may (changes).</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("audit", "Who did what in the cluster (EKS audit log) and who changed access (CloudTrail).");
        command.Subcommands.Add(AuditActivityCommand.Create(context));
        command.Subcommands.Add(AuditChangesCommand.Create(context));
        command.Subcommands.Add(AuditSummaryCommand.Create(context));
        return command;
    }
}
