using System.CommandLine;
using EksAccess.Cli.Output;
using EksAccess.Core.Authentication;

namespace EksAccess.Cli.Commands;

/// <summary><c>eksaccess whoami --as-arn ARN</c>: which Kubernetes user and groups EKS gives an IAM principal, and through which mapping.</summary>
internal static class WhoAmICommand
{
    private static readonly Option<string?> AsArn = new("--as-arn") { Description = "The IAM principal: an ARN (user, role or assumed-role session), or with -f a user or role name the config defines." };
    private static readonly Option<string?> SessionName = new("--session-name") { Description = "Session name when --as-arn is a role (default EKSGetTokenAuth, as 'aws eks update-kubeconfig --role-arn' tokens use)." };
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<string?> File = GlobalOptions.CreateOptionalFile();
    private static readonly Option<bool> NoDefaultRoles = GlobalOptions.CreateNoDefaultRoles();
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml.");

    public static Command Create(CliContext context)
    {
        var command = new Command("whoami", "Show the Kubernetes username and groups an IAM principal gets, and through which mapping.")
        {
            AsArn, SessionName, Snapshot, File, NoDefaultRoles, Output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(parseResult.GetValue(AsArn), parseResult.GetValue(SessionName), parseResult.GetValue(Snapshot), parseResult.GetValue(File), parseResult.GetValue(Output))
            {
                IncludeDefaultRoles = !parseResult.GetValue(NoDefaultRoles),
            },
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(string? AsArn, string? SessionName, string? Snapshot, string? File, OutputFormat Output)
    {
        public bool IncludeDefaultRoles { get; init; } = true;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (request.AsArn is null)
        {
            throw new InputException("whoami needs --as-arn ARN (finding the caller from AWS credentials is not available offline)");
        }

        var (model, config) = ModelLoader.LoadWithConfig(request.Snapshot, request.File, request.IncludeDefaultRoles, context.Stderr);
        var principalArn = PrincipalArgument.Resolve(request.AsArn, "--as-arn", config);
        var resolution = model.Identities.Resolve(principalArn, request.SessionName);
        if (resolution is IdentityResolution.Rejected rejected)
        {
            // A negative answer, like can-i's "no": on stdout with exit 1, not an error.
            WhoAmIView.WriteRejected(context.Stdout, request.Output, principalArn, rejected);
            return ExitCodes.Negative;
        }

        WhoAmIView.Write(context.Stdout, request.Output, principalArn, (IdentityResolution.Mapped)resolution);
        return ExitCodes.Success;
    }
}
