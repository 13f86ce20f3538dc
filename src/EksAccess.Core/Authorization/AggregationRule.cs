using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>clusterRoleSelectors of an aggregated ClusterRole; the selectors are OR-ed.</summary>
public sealed record AggregationRule(ImmutableArray<LabelSelector> ClusterRoleSelectors);
