using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record LimitRangeConfig(string? Name, ImmutableArray<Snapshots.LimitRangeItem> Limits)
{
    public SourceLocation Location { get; init; }
}
