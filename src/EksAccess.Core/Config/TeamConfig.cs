using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record TeamConfig
{
    public required string Name { get; init; }

    /// <summary>The Kubernetes group the team's members get; defaults to the team name.</summary>
    public required string KubernetesGroup { get; init; }

    /// <summary>IAM users/roles by config name, or principal ARNs.</summary>
    public ImmutableArray<string> Members { get; init; } = [];

    /// <summary>The members written as <c>{name, expires}</c>, by member (name or ARN as in <see cref="Members"/>); the others are permanent.</summary>
    public ImmutableDictionary<string, ExpiryConfig> MemberExpiries { get; init; } = ImmutableDictionary.Create<string, ExpiryConfig>(StringComparer.Ordinal);

    public ImmutableArray<TeamNamespaceGrant> Namespaces { get; init; } = [];

    /// <summary>ClusterRoles bound cluster-wide (ClusterRoleBinding) to the team's group.</summary>
    public ImmutableArray<string> ClusterRoles { get; init; } = [];

    public ImmutableArray<AccessPolicyConfig> AccessPolicies { get; init; } = [];
    public SourceLocation Location { get; init; }
}
