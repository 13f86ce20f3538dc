using System.Collections.Immutable;

namespace EksAccess.Core.Config;

public sealed record LimitRangeConfig(string? Name, ImmutableArray<Snapshots.LimitRangeItem> Limits)
{
    public SourceLocation Location { get; init; }
}
