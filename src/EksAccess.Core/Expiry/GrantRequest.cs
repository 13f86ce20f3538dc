using EksAccess.Core.Identity;

namespace EksAccess.Core.Expiry;

/// <summary>
/// <c>eksaccess grant</c>: whom (<see cref="PrincipalArn"/>), what (an access policy with its scope, or a Kubernetes
/// group), for how long from <see cref="Now"/>, why, and who asks; <see cref="Max"/> (--max) and
/// <see cref="ClusterMax"/> (maxGrantDuration) cap the duration unless <see cref="Force"/>.
/// </summary>
public sealed record GrantRequest(string ClusterName, string PrincipalArn, TimeSpan Duration, string Reason, DateTimeOffset Now)
{
    public string? PolicyArn { get; init; }

    public AccessScope? Scope { get; init; }

    public string? Group { get; init; }

    public string? CallerArn { get; init; }

    public TimeSpan Max { get; init; } = TimeSpan.FromHours(12);

    public TimeSpan? ClusterMax { get; init; }

    public bool Force { get; init; }

    public DateTimeOffset ExpiresAt => Now + Duration;
}
