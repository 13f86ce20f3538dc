using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record ClusterRoleConfig(string Name, ImmutableArray<PolicyRule> Rules)
{
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
    public SourceLocation Location { get; init; }
}
