using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record IamUserConfig
{
    public required string Name { get; init; }
    public string Path { get; init; } = "/";

    /// <summary>Kubernetes username for aws-auth / access entries; null → the default (see docs/access-config.md).</summary>
    public string? Username { get; init; }

    /// <summary>IAM group names this user joins (in addition to groups[].members).</summary>
    public ImmutableArray<string> Groups { get; init; } = [];

    /// <summary>Config role names the members may assume: generates an sts:AssumeRole policy on exactly those roles.</summary>
    public ImmutableArray<string> AssumeRoles { get; init; } = [];

    public bool CreateAccessKey { get; init; }

    /// <summary><c>maxAccessKeyAge</c>: plan reports the user's access keys older than this; null: no limit.</summary>
    public TimeSpan? MaxAccessKeyAge { get; init; }
    public ImmutableArray<InlinePolicyConfig> Policies { get; init; } = [];
    public ImmutableSortedDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
    public SourceLocation Location { get; init; }
}
