using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Desired;

/// <summary>
/// One IAM principal the config maps into the cluster (a team member or an admin), resolved once so that every
/// renderer (Kubernetes, aws-cli, terraform, eksctl) and the planner agree on ARN, username, groups and policies.
/// Node roles are not principals here: they come from <see cref="ClusterConfig.NodeRoles"/> as they are.
/// </summary>
public sealed record DesiredPrincipal
{
    public const string MastersGroup = "system:masters";

    /// <summary>The IAM user or role ARN, path included (the access entry's principalArn).</summary>
    public required string PrincipalArn { get; init; }

    public required IamPrincipalKind Kind { get; init; }

    /// <summary>The IAM user or role name (the ARN's last segment, no path).</summary>
    public required string IamName { get; init; }

    /// <summary>The name under iam.users / iam.roles when the config declares the principal; null for a bare ARN.</summary>
    public string? ConfigName { get; init; }

    /// <summary>The configured Kubernetes username (admin's, else the iam user's/role's); null → EKS's default for access entries.</summary>
    public string? Username { get; init; }

    /// <summary>The aws-auth <c>rolearn</c>/<c>userarn</c>: role paths removed (aws-iam-authenticator compares path-less ARNs), user paths kept.</summary>
    public required string AwsAuthArn { get; init; }

    /// <summary>The aws-auth username: <see cref="Username"/>, else the IAM user or role name. Never empty.</summary>
    public required string AwsAuthUsername { get; init; }

    /// <summary>Sorted (ordinal), distinct union of the kubernetesGroup of every team the principal is in, as written.</summary>
    public required ImmutableArray<string> KubernetesGroups { get; init; }

    /// <summary>Whether the principal is listed under admins (cluster admin: system:masters in aws-auth, AmazonEKSClusterAdminPolicy in access entries).</summary>
    public bool IsAdmin { get; init; }

    /// <summary>Union of the teams' access policies (full ARNs, sorted by ARN; cluster scope wins, else union of namespaces), plus cluster admin for admins.</summary>
    public required ImmutableArray<AssociatedAccessPolicy> AccessPolicies { get; init; }

    /// <summary>When the principal's access entry stops being wanted (every reason for it expires); null: permanent.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The access policies (by ARN) whose association expires, and when; a policy not listed is permanent.</summary>
    public ImmutableDictionary<string, DateTimeOffset> PolicyExpiresAt { get; init; } = ImmutableDictionary.Create<string, DateTimeOffset>(StringComparer.Ordinal);

    /// <summary>Names of the teams the principal is a member of, in config order.</summary>
    public ImmutableArray<string> Teams { get; init; } = [];

    /// <summary>Where the principal is first named in the config (team member or admin).</summary>
    public SourceLocation Location { get; init; }

    /// <summary>Groups for an access entry: EKS refuses any group starting with <c>system:</c>, so those are left out.</summary>
    public ImmutableArray<string> AccessEntryGroups =>
        [.. KubernetesGroups.Where(g => !g.StartsWith("system:", StringComparison.Ordinal))];

    /// <summary>Groups for aws-auth: <see cref="KubernetesGroups"/>, then system:masters for admins.</summary>
    public ImmutableArray<string> AwsAuthGroups =>
        IsAdmin && !KubernetesGroups.Contains(MastersGroup, StringComparer.Ordinal) ? [.. KubernetesGroups, MastersGroup] : KubernetesGroups;
}
