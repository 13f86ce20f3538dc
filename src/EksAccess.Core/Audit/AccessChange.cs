using System.Collections.Immutable;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Audit;

/// <summary>
/// One change to who may access the cluster: an EKS API call from CloudTrail (access entries, policy associations,
/// UpdateClusterConfig), an IAM call on a mapped principal, or an aws-auth ConfigMap edit from the audit log
/// (<see cref="EventName"/> <c>aws-auth:update</c>). <see cref="PrincipalArn"/> is URL-decoded.
/// </summary>
public sealed record AccessChange
{
    public const string AwsAuthUpdate = "aws-auth:update";

    public required DateTimeOffset Time { get; init; }

    public required string EventId { get; init; }

    public required string EventName { get; init; }

    /// <summary>eks.amazonaws.com, iam.amazonaws.com, or kube-apiserver for aws-auth edits.</summary>
    public required string EventSource { get; init; }

    public string? ActorArn { get; init; }

    public string? ActorSessionName { get; init; }

    public string? AccessKeyId { get; init; }

    public string? PrincipalArn { get; init; }

    public string? PolicyArn { get; init; }

    public AccessScope? AccessScope { get; init; }

    public ImmutableArray<string>? KubernetesGroups { get; init; }

    public string? Username { get; init; }

    public string? AuthenticationMode { get; init; }

    /// <summary>The logging change of UpdateClusterConfig, e.g. <c>enabled: api, audit; disabled: scheduler</c>.</summary>
    public string? Logging { get; init; }

    public string? ErrorCode { get; init; }
}
