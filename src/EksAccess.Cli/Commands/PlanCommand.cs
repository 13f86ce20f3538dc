using System.CommandLine;
using EksAccess.Cli.Output;
using EksAccess.Cli.Planning;
using EksAccess.Core.Config;
using EksAccess.Core.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess plan -f access.yaml [--target aws|kubernetes|all] [--profile P] [--region R] [--endpoint-url U] [-o table|json]</c>:
/// reads the live state the config concerns and prints the ordered changes. Exit 0 no changes, 2 changes, 3 invalid
/// config or a refused change, 4 AWS/Kubernetes failure.
/// </summary>
internal static class PlanCommand
{
    private static readonly Option<string> FileOption = GlobalOptions.CreateFile();
    private static readonly Option<string> TargetOption = PlanTargetOptions.CreateTarget();
    private static readonly AwsOptions Aws = new("The AWS region of the EKS calls (default: the config's cluster.region).");
    private static readonly KubernetesOptions Kubernetes = new();

    private static readonly Option<string> OutputOption = new Option<string>("--output", "-o")
    {
        Description = "Output format: table (terraform-style) or json.",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");

    public static Command Create(CliContext context)
    {
        var command = new Command("plan", "Show the changes that take the account and cluster to the access config. Exit 0 no changes, 2 changes, 3 refused/invalid, 4 AWS failure.");
        command.Options.Add(FileOption);
        command.Options.Add(TargetOption);
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.Options.Add(OutputOption);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new PlanRequest(
                parseResult.GetRequiredValue(FileOption),
                parseResult.GetRequiredValue(TargetOption),
                new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) },
                parseResult.GetRequiredValue(OutputOption)),
            context,
            cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(PlanRequest request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(request, ConfigLoader.LoadValid(request.File), context, cancellationToken);
    }

    internal static async Task<int> RunAsync(PlanRequest request, AccessConfig config, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var targets = PlanRunner.Targets(request.Target, context);
        var planContext = new PlanContext(Force: false, DryRun: true, context.Stderr, PlanTargetOptions.BackupDirectory, context.Time) { Connection = request.Connection };
        var plan = PlanRunner.Combine(await PlanRunner.PlanAsync(config, targets, planContext, cancellationToken));

        if (string.Equals(request.Output, "json", StringComparison.Ordinal))
        {
            StructuredOutput.Write(context.Stdout, "json", PlanRunner.ToJson(plan));
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
