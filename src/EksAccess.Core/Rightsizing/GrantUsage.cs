using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// One grant of the subject and its use: an RBAC rule (a binding, its role and the rule) or an access-policy
/// association (policy and scope). <see cref="ShadowedBy"/> names the grant the audit reasons credited instead when
/// this binding allows requests it was never named for (RBAC names only the first allowing binding).
/// </summary>
public sealed record GrantUsage
{
    public const string RbacKind = "rbac";
    public const string AccessPolicyKind = "accessPolicy";

    public required string Kind { get; init; }

    /// <summary><c>RoleBinding "name/namespace"</c> or <c>ClusterRoleBinding "name"</c>; the principal for an association.</summary>
    public required string Binding { get; init; }

    /// <summary><c>Role "r"</c> / <c>ClusterRole "r"</c>; the policy name for an association.</summary>
    public required string Role { get; init; }

    public PolicyRule? Rule { get; init; }

    public int RuleIndex { get; init; }

    public string? PolicyArn { get; init; }

    public AccessScope? AccessScope { get; init; }

    public required GrantStatus Status { get; init; }

    public long Requests { get; init; }

    public DateTimeOffset? LastUsed { get; init; }

    public ImmutableArray<string> UnusedParts { get; init; } = [];

    public string? ShadowedBy { get; init; }
}
