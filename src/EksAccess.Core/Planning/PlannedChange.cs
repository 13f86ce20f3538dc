using System.Collections.Immutable;

namespace EksAccess.Core.Planning;

/// <summary>
/// One idempotent step of a plan. <see cref="Target"/> is "aws" or "kubernetes"; <see cref="ResourceType"/> a short
/// noun ("iam-user", "access-entry", "access-policy", "authentication-mode", "Role", "aws-auth", …); <see cref="Id"/>
/// what it acts on; <see cref="ApiCall"/> the exact call it makes ("iam:CreateUser",
/// "eks:AssociateAccessPolicy", "PATCH apply rbac.authorization.k8s.io/v1 roles dev-apps/developer-role");
/// <see cref="Details"/> the attribute-level differences, one line each ("kubernetesGroups: [] → [dev-team]").
/// </summary>
public sealed record PlannedChange(
    string Target,
    ChangeKind Kind,
    string ResourceType,
    string Id,
    string ApiCall,
    ImmutableArray<string> Details)
{
    public const string AwsTarget = "aws";
    public const string KubernetesTarget = "kubernetes";

    /// <summary>Position in the safe execution order within its target (IAM → authentication mode → access entries → policies; namespaces → RBAC → aws-auth).</summary>
    public int Order { get; init; }

    /// <summary>
    /// Why this change will not be made (it would lock out the caller or remove the last cluster admin, or EKS cannot
    /// make it), and what to do instead; null for a change apply makes. A plan with a refused change exits 3 and apply
    /// refuses to run it.
    /// </summary>
    public string? Refusal { get; init; }

    public bool IsRefused => Refusal is not null;

    /// <summary>When the change removes something access.yaml still lists, because its <c>expires</c> passed; null otherwise.</summary>
    public DateTimeOffset? ExpiredAt { get; init; }
}
