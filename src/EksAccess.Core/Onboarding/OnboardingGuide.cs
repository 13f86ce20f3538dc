using System.Collections.Immutable;
using EksAccess.Core.Verification;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Onboarding;

/// <summary>
/// Everything a developer's onboarding bundle says: who they are in AWS and in Kubernetes, how they get in (their own
/// identity, or a role they assume), what they may do where, and the config's tests: about them.
/// </summary>
public sealed record OnboardingGuide
{
    public required string ClusterName { get; init; }

    public required string Region { get; init; }

    public required string ClusterArn { get; init; }

    /// <summary>The principal as asked (config name or ARN).</summary>
    public required string Principal { get; init; }

    /// <summary>The principal's IAM ARN (a config user or role resolved to its ARN).</summary>
    public required string PrincipalArn { get; init; }

    /// <summary>The role the developer's credentials assume for every token (<c>--role-arn</c>); null to use their own identity.</summary>
    public string? RoleArn { get; init; }

    /// <summary>Why <see cref="RoleArn"/> was chosen, when it was not the principal itself (e.g. the user's IAM group may assume it).</summary>
    public string? RoleNote { get; init; }

    /// <summary>The kubeconfig context name.</summary>
    public required string ContextName { get; init; }

    /// <summary>The context's default namespace: the first namespace the principal's teams are granted; null for none.</summary>
    public string? DefaultNamespace { get; init; }

    /// <summary>Who EKS says the caller is (the identity the token authenticates: the role session when a role is assumed).</summary>
    public required IdentityResolution Identity { get; init; }

    /// <summary>The config's tests: whose <c>as</c> is this principal (or the role it assumes).</summary>
    public ImmutableArray<TestCheckResult> Tests { get; init; } = [];

    /// <summary>What the identity may do in each namespace.</summary>
    public ImmutableArray<NamespaceAccess> Namespaces { get; init; } = [];

    /// <summary>Cluster-scoped questions (nodes, namespaces, RBAC) and their answers.</summary>
    public ImmutableArray<ActionAnswer> ClusterWide { get; init; } = [];
}
