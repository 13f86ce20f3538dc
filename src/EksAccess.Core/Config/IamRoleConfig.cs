using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record IamRoleConfig
{
    public required string Name { get; init; }
    public string Path { get; init; } = "/";
    public string? Username { get; init; }
    public RoleTrustConfig Trust { get; init; } = new();
    public int MaxSessionDuration { get; init; } = 3600;
    public ImmutableArray<InlinePolicyConfig> Policies { get; init; } = [];
    public ImmutableSortedDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
    public SourceLocation Location { get; init; }
}
