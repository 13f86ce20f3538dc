using System.Runtime.CompilerServices;
using EksAccess.Aws;
using EksAccess.Aws.Access;
using EksAccess.Cli.Commands;
using EksAccess.Core.Config;
using EksAccess.Core.Expiry;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Preflight;
using EksAccess.Core.Desired;

namespace EksAccess.Cli.Planning;

/// <summary>
/// The "aws" plan target: reads what the config concerns (<see cref="IAwsAccessClient.ReadObservedStateAsync"/>), plans
/// with <see cref="AwsPlanner"/>, and applies a plan with <see cref="AwsPlanExecutor"/>. Region: --region, else the
/// config's cluster.region. One adapter (one connection pool) serves the plan and the apply.
/// </summary>
internal sealed class AwsPlanTarget : IPlanTarget
{
    public const string TargetName = PlannedChange.AwsTarget;

    /// <summary>The call behind each change this target planned (by reference), so apply executes exactly what was shown.</summary>
    private static readonly ConditionalWeakTable<PlannedChange, AwsAction> Actions = new();

    private readonly CliContext _context;
    private readonly Dictionary<AwsClientSettings, IAwsAccessClient> _clients = [];
    private readonly Lock _gate = new();

    public AwsPlanTarget(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public string Name => TargetName;

    /// <summary>How many reads are in flight at once.</summary>
    public int ReadConcurrency { get; init; } = 8;

    /// <summary>How many independent changes of one phase run at once (inside IAM's and EKS's API rate limits).</summary>
    public int ApplyConcurrency { get; init; } = 10;

    public async Task<Plan> PlanAsync(AccessConfig config, PlanContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(context);
        var view = ConfigExpiry.At(config, context.Now);
        config = view.Current;
        var aws = Clients(config, context);
        AwsObservedState observed;
        PreflightResult preflight;
        try
        {
            observed = await aws.ReadObservedStateAsync(config, cancellationToken);
            preflight = await PreflightAsync(config, observed, aws, cancellationToken);
        }
        catch (Exception ex) when (AwsFailures.IsAwsFailure(ex))
        {
            throw AwsFailures.ToRemote(ex, "cannot read the AWS state");
        }

        foreach (var warning in preflight.Warnings)
        {
            await context.Progress.WriteLineAsync($"warning: {warning}");
        }

        if (!preflight.IsOk)
        {
            throw new InputException($"plan refused, nothing changed: {string.Join("; and ", preflight.Problems)}");
        }

        var planned = AwsPlanner.PlanActions(config, observed, context.Force, view.At);
        var plan = ExpiryNotes.Annotate(planned.Plan, view);
        for (var i = 0; i < planned.Actions.Length; i++)
        {
            Actions.AddOrUpdate(plan.Changes[i], planned.Actions[i]);
        }

        return plan;
    }

    /// <summary>Reads whether each principal the config references exists (those of the readable account), then lets <see cref="PlanPreflight"/> decide.</summary>
    private static async Task<PreflightResult> PreflightAsync(AccessConfig config, AwsObservedState observed, IAwsAccessClient aws, CancellationToken cancellationToken)
    {
        var referenced = PlanPreflight.Referenced(config);
        var account = PlanPreflight.ReadableAccount(config, observed.CallerArn);
        var readable = referenced.Where(r => account is not null && string.Equals(IamPrincipalArn.Parse(r.Arn).AccountId, account, StringComparison.Ordinal)).ToList();
        var answers = await Task.WhenAll(readable.Select(r => aws.PrincipalExistsAsync(r.Arn, cancellationToken)));
        var exists = readable.Select((r, i) => KeyValuePair.Create(r.Arn, answers[i])).ToDictionary(StringComparer.Ordinal);
        return PlanPreflight.Check(config, referenced, exists, observed);
    }

    public async Task<int> ApplyAsync(AccessConfig config, Plan plan, PlanContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        var steps = plan.Changes
            .Where(c => string.Equals(c.Target, TargetName, StringComparison.Ordinal) && !c.IsRefused)
            .Select(c => Actions.TryGetValue(c, out var action)
                ? new AwsPlanStep(c, action)
                : throw new InvalidOperationException($"the change {c.ApiCall} {c.Id} was not planned by the aws target"))
            .ToList();
        if (context.DryRun)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                await context.Progress.WriteLineAsync($"[{i + 1}/{steps.Count}] would call {steps[i].Change.ApiCall} {steps[i].Change.Id} (dry run)");
            }

            return 0;
        }

        var executor = new AwsPlanExecutor(Clients(config, context), context, ApplyConcurrency);
        return await executor.ExecuteAsync(steps, cancellationToken);
    }

    private IAwsAccessClient Clients(AccessConfig config, PlanContext context)
    {
        var settings = AwsOptions.Settings(_context, context.Connection.Aws, config.Cluster.Region);
        lock (_gate)
        {
            if (!_clients.TryGetValue(settings, out var clients))
            {
                clients = new AwsAccessClient(_context.CreateAwsClients(settings), AwsClients.ResolveRegion(settings), context.Time) { ReadConcurrency = ReadConcurrency };
                _clients.Add(settings, clients);
            }

            return clients;
        }
    }
}
