using System.CommandLine;
using EksAccess.Cli.Planning;
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
    /// <summary>eksaccess apply: the access config, the target, how to connect, --auto-approve/--dry-run/--force and the backup directory (null: the default).</summary>
    internal sealed record Request(string File, string Target, ConnectionOptions Connection, bool AutoApprove, bool DryRun, bool Force)
    {
        public string? BackupDir { get; init; }
    }

    private static readonly Option<string> File = GlobalOptions.CreateFile();
    private static readonly Option<string> Target = PlanTargetOptions.CreateTarget();
    private static readonly Option<string?> BackupDir = PlanTargetOptions.CreateBackupDir();
    private static readonly AwsOptions Aws = new("The AWS region of the EKS calls (default: the config's cluster.region).");
    private static readonly KubernetesOptions Kubernetes = new();

    private static readonly Option<bool> AutoApprove = new("--auto-approve")
    {
        Description = "Apply without asking for confirmation (CI).",
    };

    private static readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Plan and show what would be called, change nothing.",
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Make changes the plan refuses for safety: removing your own or the last cluster-admin access entry or IAM identity.",
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("apply", "Plan, confirm and make the changes that take the account and cluster to the access config.");
        command.Options.Add(File);
        command.Options.Add(Target);
        Aws.AddTo(command);
        Kubernetes.AddTo(command);
        command.Options.Add(AutoApprove);
        command.Options.Add(DryRun);
        command.Options.Add(Force);
        command.Options.Add(BackupDir);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                parseResult.GetRequiredValue(File),
                parseResult.GetRequiredValue(Target),
                new ConnectionOptions { Aws = Aws.Read(parseResult), Kubernetes = Kubernetes.Read(parseResult, context) },
                parseResult.GetValue(AutoApprove),
                parseResult.GetValue(DryRun),
                parseResult.GetValue(Force))
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
        var planContext = new PlanContext(request.Force, request.DryRun, context.Stderr, backups, context.Time) { Connection = request.Connection };
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
