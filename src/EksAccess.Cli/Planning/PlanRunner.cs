using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccess.Core.Config;
using EksAccess.Core.Planning;

namespace EksAccess.Cli.Planning;

/// <summary>What plan and apply share: choosing the targets (--target), planning each in catalog order, and the plan as JSON.</summary>
internal static class PlanRunner
{
    public const string AllTargets = "all";

    public static ImmutableArray<IPlanTarget> Targets(string selection, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var targets = PlanTargetCatalog.Factories.Select(factory => factory(context)).ToImmutableArray();
        if (string.Equals(selection, AllTargets, StringComparison.Ordinal))
        {
            return targets;
        }

        var chosen = targets.Where(t => string.Equals(t.Name, selection, StringComparison.Ordinal)).ToImmutableArray();
        if (chosen.IsEmpty)
        {
            throw new InputException($"--target {selection}: this build has no '{selection}' plan target — use one of: {string.Join(", ", targets.Select(t => t.Name).Append(AllTargets))}");
        }

        return chosen;
    }

    public static async Task<ImmutableArray<TargetPlan>> PlanAsync(AccessConfig config, ImmutableArray<IPlanTarget> targets, PlanContext context, CancellationToken cancellationToken)
    {
        var plans = ImmutableArray.CreateBuilder<TargetPlan>(targets.Length);
        foreach (var target in targets)
        {
            plans.Add(new TargetPlan(target, await target.PlanAsync(config, context, cancellationToken)));
        }

        return plans.MoveToImmutable();
    }

    public static Plan Combine(ImmutableArray<TargetPlan> plans) =>
        plans.Aggregate(Plan.Empty, (all, plan) => all.Concat(plan.Plan));

    public static JsonObject ToJson(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new JsonObject
        {
            ["changes"] = new JsonArray([.. plan.Changes.Select(c => (JsonNode)new JsonObject
            {
                ["target"] = c.Target,
                ["action"] = c.Kind.ToString().ToLowerInvariant(),
                ["resourceType"] = c.ResourceType,
                ["id"] = c.Id,
                ["apiCall"] = c.ApiCall,
                ["order"] = c.Order,
                ["details"] = new JsonArray([.. c.Details.Select(d => (JsonNode)JsonValue.Create(d))]),
                ["refused"] = c.Refusal,
            }.WithExpiry(c.ExpiredAt))]),
            ["warnings"] = new JsonArray([.. plan.Warnings.Select(w => (JsonNode)JsonValue.Create(w))]),
            ["summary"] = new JsonObject
            {
                ["create"] = plan.Changes.Count(c => c.Kind == ChangeKind.Create),
                ["update"] = plan.Changes.Count(c => c.Kind == ChangeKind.Update),
                ["delete"] = plan.Changes.Count(c => c.Kind == ChangeKind.Delete),
                ["refused"] = plan.Changes.Count(c => c.IsRefused),
            },
        };
    }

    /// <summary>Adds <c>"expired": "2026-12-01T18:00:00Z"</c> to a change removed because its expiry passed (only then, so other plans keep their JSON).</summary>
    private static JsonObject WithExpiry(this JsonObject change, DateTimeOffset? expiredAt)
    {
        if (expiredAt is { } at)
        {
            change["expired"] = Core.Text.Rfc3339.Format(at);
        }

        return change;
    }
}
