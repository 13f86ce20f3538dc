using System.CommandLine;
using EksAccess.Cli.Output;
using EksAccess.Cli.Planning;
using EksAccess.Core.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess plan -f access.yaml [--target aws|kubernetes|all] [--profile P] [--region R] [--endpoint-url U] [--backup-dir D] [-o table|json|yaml]</c>:
/// reads the live state the config concerns and prints the ordered changes. Exit 0 no changes, 2 changes, 3 invalid
/// config or a refused change, 4 AWS/Kubernetes failure.
/// </summary>
internal static class PlanCommand
{
    /// <summary>eksaccess plan: the access config, the target (aws, kubernetes or all), how to connect, the backup directory (null: the default) and the output format.</summary>
    internal sealed record Request(string File, string Target, ConnectionOptions Connection, OutputFormat Output)
    {
        public string? BackupDir { get; init; }
    }

    private static readonly Option<string> File = GlobalOptions.CreateFile();
    private static readonly Option<string> Target = PlanTargetOptions.CreateTarget();
    private static readonly Option<string?> BackupDir = PlanTargetOptions.CreateBackupDir();
    private static readonly AwsOptions Aws = new("The AWS region of the EKS calls (default: the config's cluster.region).");
    private static readonly KubernetesOptions Kubernetes = new();
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table (terraform-style), json or yaml.");

    public static Command Create(CliContext context)
    {
        var command = new Command("plan", "Show the changes that take the account and cluster to the access config. Exit 0 no changes, 2 changes, 3 refused/invalid, 4 AWS or Kubernetes failure.");
        command.Options.Add(File);
        command.Options.Add(Target);
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.Options.Add(BackupDir);
        command.Options.Add(Output);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                parseResult.GetRequiredValue(File),
                parseResult.GetRequiredValue(Target),
                new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) },
                parseResult.GetValue(Output))
            {
                BackupDir = parseResult.GetValue(BackupDir),
            },
            context,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var config = await ConfigLoader.LoadValidAsync(request.File, context.Time.GetUtcNow(), context.Stderr);
        var targets = PlanRunner.Targets(request.Target, context);
        var backups = context.BackupDirectoryFor(config.Cluster.Name, request.BackupDir);
        var planContext = new PlanContext(Force: false, DryRun: true, context.Stderr, backups, context.Time) { Connection = request.Connection };
        var plan = PlanRunner.Combine(await PlanRunner.PlanAsync(config, targets, planContext, cancellationToken));

        if (request.Output.IsStructured())
        {
            StructuredOutput.Write(context.Stdout, request.Output, PlanRunner.ToJson(plan));
        }
        else
        {
            await context.Stdout.WriteAsync(PlanRenderer.Render(plan).AsMemory(), cancellationToken);
        }

        if (plan.HasRefusals)
        {
            var refused = plan.Changes.Count(c => c.IsRefused);
            await context.Stderr.WriteLineAsync($"error: {refused} planned {(refused == 1 ? "change is" : "changes are")} refused (REFUSED above): {plan.Changes.First(c => c.IsRefused).Refusal}");
            return ExitCodes.InvalidInput;
        }

        return plan.HasChanges ? ExitCodes.Changes : ExitCodes.Success;
    }
}
