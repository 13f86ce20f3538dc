using System.CommandLine;
using EksAccess.Cli.Planning;
using EksAccess.Core.Config;
using EksAccess.Core.Planning;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess apply -f access.yaml [--target …] [--auto-approve] [--dry-run] [--force]</c>: plans, prints the plan,
/// asks for a "yes" (unless --auto-approve; never in CI or without input), executes target by target in safe order
/// with one progress line per change on stderr, and prints a summary. Exit 0 applied (or nothing to do), 1 not
/// confirmed, 3 refused/invalid or no way to confirm, 4 AWS/Kubernetes failure (after the changes made so far).
/// </summary>
internal static class ApplyCommand
{
    private static readonly Option<string> FileOption = GlobalOptions.CreateFile();
    private static readonly Option<string> TargetOption = PlanTargetOptions.CreateTarget();
    private static readonly AwsOptions Aws = new("The AWS region of the EKS calls (default: the config's cluster.region).");
    private static readonly KubernetesOptions Kubernetes = new();

    private static readonly Option<bool> AutoApproveOption = new("--auto-approve")
    {
        Description = "Apply without asking for confirmation (CI).",
    };

    private static readonly Option<bool> DryRunOption = new("--dry-run")
    {
        Description = "Plan and show what would be called, change nothing.",
    };

    private static readonly Option<bool> ForceOption = new("--force")
    {
        Description = "Make changes the plan refuses for safety: removing your own or the last cluster-admin access entry or IAM identity.",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("apply", "Plan, confirm and make the changes that take the account and cluster to the access config.");
        command.Options.Add(FileOption);
        command.Options.Add(TargetOption);
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.Options.Add(AutoApproveOption);
        command.Options.Add(DryRunOption);
        command.Options.Add(ForceOption);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new ApplyRequest(
                parseResult.GetRequiredValue(FileOption),
                parseResult.GetRequiredValue(TargetOption),
                new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) },
                parseResult.GetValue(AutoApproveOption),
                parseResult.GetValue(DryRunOption),
                parseResult.GetValue(ForceOption)),
            context,
            cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(ApplyRequest request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(request, ConfigLoader.LoadValid(request.File), context, cancellationToken);
    }

    internal static async Task<int> RunAsync(ApplyRequest request, AccessConfig config, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var targets = PlanRunner.Targets(request.Target, context);
        var planContext = new PlanContext(request.Force, request.DryRun, context.Stderr, PlanTargetOptions.BackupDirectory, context.Time) { Connection = request.Connection };
        var plans = await PlanRunner.PlanAsync(config, targets, planContext, cancellationToken);
        var plan = PlanRunner.Combine(plans);
        await context.Stdout.WriteAsync(PlanRenderer.Render(plan).AsMemory(), cancellationToken);

        if (plan.HasRefusals)
        {
            var refused = plan.Changes.First(c => c.IsRefused);
            await context.Stderr.WriteLineAsync($"error: nothing applied: {refused.ApiCall} {refused.Id} is refused: {refused.Refusal}");
            return ExitCodes.InvalidInput;
        }

        if (!plan.HasChanges)
        {
            return ExitCodes.Success;
        }

        var count = plan.Changes.Length;
        if (request.DryRun)
        {
            foreach (var (target, targetPlan) in plans)
            {
                await target.ApplyAsync(config, targetPlan, planContext, cancellationToken);
            }

            await context.Stdout.WriteLineAsync($"Dry run: {Changes(count)} not applied.");
            return ExitCodes.Success;
        }

        if (!request.AutoApprove)
        {
            var answer = await ConfirmAsync(count, context, cancellationToken);
            if (answer is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (!answer.Value)
            {
                await context.Stdout.WriteLineAsync("Apply cancelled: nothing changed.");
                return ExitCodes.Negative;
            }
        }

        var applied = 0;
        foreach (var (target, targetPlan) in plans.Where(p => p.Plan.HasChanges))
        {
            try
            {
                applied += await target.ApplyAsync(config, targetPlan, planContext, cancellationToken);
            }
            catch (EksAccessException)
            {
                await context.Stdout.WriteLineAsync($"Apply failed after {Changes(applied)} of other targets; {target.Name} stopped part-way (see the progress above). What was applied stays: fix the cause and run apply again, it converges.");
                throw;
            }
        }

        await context.Stdout.WriteLineAsync($"Apply complete: {Changes(applied)} applied.");
        return ExitCodes.Success;
    }

    /// <summary>true yes, false no, null when no one can answer (CI, no input): then an error and hint are printed.</summary>
    private static async Task<bool?> ConfirmAsync(int count, CliContext context, CancellationToken cancellationToken)
    {
        const string Hint = "review the plan (eksaccess plan), then run apply with --auto-approve";
        if (context.IsContinuousIntegration || context.Stdin is null)
        {
            await context.Stderr.WriteLineAsync($"error: apply needs a confirmation and there is no one to ask ({(context.IsContinuousIntegration ? "CI is set" : "no input")}) — {Hint}");
            return null;
        }

        await context.Stderr.WriteAsync($"Apply these {Changes(count)}? (yes/no) ");
        await context.Stderr.FlushAsync(cancellationToken);
        var line = await context.Stdin.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            await context.Stderr.WriteLineAsync();
            await context.Stderr.WriteLineAsync($"error: apply needs a confirmation and the input ended — {Hint}");
            return null;
        }

        return string.Equals(line.Trim(), "yes", StringComparison.Ordinal);
    }

    private static string Changes(int count) => count == 1 ? "1 change" : $"{count} changes";
}
