using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record ResourceQuotaConfig(string? Name, ImmutableSortedDictionary<string, string> Hard)
{
    public SourceLocation Location { get; init; }
}
