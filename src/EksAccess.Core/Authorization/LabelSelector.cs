using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

public sealed record LabelSelector(
    ImmutableDictionary<string, string> MatchLabels,
    ImmutableArray<LabelSelectorRequirement> MatchExpressions);
