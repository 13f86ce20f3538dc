using System.CommandLine;

namespace EksAccess.Cli.Commands;

/// <summary>Every subcommand, in the order --help lists them. Add one line per command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return ValidateCommand.Create(context);
        yield return RenderCommand.Create(context);
        yield return VerifyCommand.Create(context);
        yield return WhoAmICommand.Create(context);
        yield return CanICommand.Create(context);
        yield return WhoCanCommand.Create(context);
        yield return MatrixCommand.Create(context);
        yield return PlanCommand.Create(context);
        yield return ApplyCommand.Create(context);
        yield return SnapshotCommand.Create(context);
        yield return DoctorCommand.Create(context);
        yield return RevokeCommand.Create(context);
        yield return MigrateCommand.Create(context);
        yield return GrantCommand.Create(context);
        yield return PruneCommand.Create(context);
        yield return KubeconfigCommand.Create(context);
        yield return OnboardCommand.Create(context);
        yield return TokenCommand.Create(context);
        yield return AuditCommand.Create(context);
        yield return RightsizeCommand.Create(context);
        yield return RisksCommand.Create(context);
        yield return ReportCommand.Create(context);
    }
}
