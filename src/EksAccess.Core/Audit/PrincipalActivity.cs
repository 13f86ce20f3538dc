using System.Collections.Immutable;

namespace EksAccess.Core.Audit;

/// <summary>One row of <c>audit summary</c>: a principal that is mapped or was seen, with what it did and which grants decided.</summary>
public sealed record PrincipalActivity
{
    /// <summary>The canonical IAM ARN; null for a caller that is not an IAM principal (then <see cref="Username"/> identifies it).</summary>
    public string? PrincipalArn { get; init; }

    public string? Username { get; init; }

    /// <summary>Distinct session names (SSO e-mails) and, with --resolve-people, the callers behind EKSGetTokenAuth sessions.</summary>
    public ImmutableArray<string> People { get; init; } = [];

    public long Requests { get; init; }

    public long Denied { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>Authenticator "access granted" lines (token reviews).</summary>
    public long Logins { get; init; }

    public bool IsMapped { get; init; }

    public ImmutableArray<AuditGrant> GrantsUsed { get; init; } = [];

    public ImmutableArray<AuditGrant> GrantsUnused { get; init; } = [];
}
