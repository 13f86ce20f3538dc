using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record IamGroupConfig
{
    public required string Name { get; init; }
    public string Path { get; init; } = "/";
    public ImmutableArray<string> Members { get; init; } = [];
    /// <summary>Config role names the members may assume: generates an sts:AssumeRole policy on exactly those roles.</summary>
    public ImmutableArray<string> AssumeRoles { get; init; } = [];

    public ImmutableArray<InlinePolicyConfig> Policies { get; init; } = [];
    public SourceLocation Location { get; init; }
}
