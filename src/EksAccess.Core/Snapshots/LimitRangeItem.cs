using System.Collections.Immutable;

namespace EksAccess.Core.Snapshots;

public sealed record LimitRangeItem(
    string Type,
    ImmutableSortedDictionary<string, string> Default,
    ImmutableSortedDictionary<string, string> DefaultRequest,
    ImmutableSortedDictionary<string, string> Max,
    ImmutableSortedDictionary<string, string> Min);
