using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

public sealed record ClusterRole(string Name, ImmutableArray<PolicyRule> Rules)
{
    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Set for aggregated roles (admin, edit, view, …): the controller owns <see cref="Rules"/>.</summary>
    public AggregationRule? AggregationRule { get; init; }

    public string? Source { get; init; }
}
