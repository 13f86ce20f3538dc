using System.Collections.Immutable;

namespace EksAccess.Core.Audit;

/// <summary>
/// One Kubernetes API request from the kube-apiserver audit log (audit.k8s.io/v1 Event), flattened to what
/// <c>audit activity</c> prints. <see cref="PrincipalArn"/> is the canonical IAM ARN aws-iam-authenticator matched
/// (a role, never its session), or null for callers that are not IAM principals (service accounts, nodes' system users
/// without an ARN, scrubbed accounts).
/// </summary>
public sealed record AuditEvent
{
    /// <summary>requestReceivedTimestamp (stageTimestamp when absent).</summary>
    public required DateTimeOffset Time { get; init; }

    public required string AuditId { get; init; }

    public required string Stage { get; init; }

    public string? PrincipalArn { get; init; }

    public string? SessionName { get; init; }

    public string? AccessKeyId { get; init; }

    public required string Username { get; init; }

    public ImmutableArray<string> Groups { get; init; } = [];

    public string? ImpersonatedUser { get; init; }

    public required string Verb { get; init; }

    public string? ApiGroup { get; init; }

    public string? Resource { get; init; }

    public string? Subresource { get; init; }

    public string? Namespace { get; init; }

    public string? Name { get; init; }

    /// <summary>The request path without its query string, for requests without an objectRef.</summary>
    public string? NonResourceUrl { get; init; }

    /// <summary>The HTTP status (101 for a WebSocket upgrade such as exec).</summary>
    public int? Code { get; init; }

    /// <summary><c>allow</c> or <c>forbid</c> (the authorization.k8s.io/decision annotation), null when absent.</summary>
    public string? Decision { get; init; }

    /// <summary>The authorization.k8s.io/reason annotation, as written.</summary>
    public string? Reason { get; init; }

    public ImmutableArray<string> SourceIps { get; init; } = [];

    public string? UserAgent { get; init; }

    /// <summary>The request was refused: a forbid decision, or HTTP 401/403.</summary>
    public bool IsDenied => string.Equals(Decision, "forbid", StringComparison.Ordinal) || Code is 401 or 403;

    /// <summary>The stage after which nothing more is logged for this auditID.</summary>
    public bool IsFinalStage => Stage is AuditStages.ResponseComplete or AuditStages.Panic;
}
