using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record NamespaceConfig
{
    public required string Name { get; init; }
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
    public ResourceQuotaConfig? Quota { get; init; }
    public LimitRangeConfig? LimitRange { get; init; }
    public SourceLocation Location { get; init; }
}
