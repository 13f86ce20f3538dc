using System.Collections.Immutable;
using EksAccess.Core.Planning;

namespace EksAccess.Core.Expiry;

/// <summary>What prune removes (<see cref="Pruned"/>, by <see cref="Steps"/> in order) and what expired but stays (<see cref="Kept"/>, each with its reason).</summary>
public sealed record PrunePlan
{
    public ImmutableArray<PruneItem> Pruned { get; init; } = [];

    public ImmutableArray<PruneItem> Kept { get; init; } = [];

    public ImmutableArray<AwsPlanStep> Steps { get; init; } = [];

    /// <summary>Nothing expired is left once the steps ran.</summary>
    public bool Converges => Kept.IsEmpty;
}
