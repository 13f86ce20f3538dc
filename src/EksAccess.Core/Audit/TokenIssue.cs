namespace EksAccess.Core.Audit;

/// <summary>
/// An sts:AssumeRole from CloudTrail that issued temporary credentials: what --resolve-people joins an audit event's
/// <c>user.extra.accessKeyId</c> to (<see cref="IssuedAccessKeyId"/> = responseElements.credentials.accessKeyId), to
/// name the caller behind an <c>EKSGetTokenAuth</c> session.
/// </summary>
public sealed record TokenIssue(DateTimeOffset Time, string IssuedAccessKeyId, string CallerArn, string? CallerSessionName, string? RoleArn, string? RoleSessionName)
{
    /// <summary>The person: an SSO session's name (the e-mail), else the caller ARN.</summary>
    public string Person => CallerSessionName is { Length: > 0 } session && CallerArn.Contains(":assumed-role/", StringComparison.Ordinal)
        ? $"{session} ({CallerArn})"
        : CallerArn;
}
