using EksAccess.Core.Identity;

namespace EksAccess.Core.Audit;

/// <summary>
/// Who an audit event's <c>user</c> is in IAM terms, from what aws-iam-authenticator (pkg/server/server.go) puts there:
/// <c>extra.canonicalArn</c>, else <c>extra.arn</c> canonicalized (pkg/arn Canonicalize, via <see cref="IamPrincipalArn"/>),
/// else a username that is itself an IAM/STS ARN. Old events (the 2021 extra set, <c>heptio-authenticator-aws:</c> uids)
/// and events without <c>principalId</c> take the same path; a scrubbed account (empty extra) has no ARN.
/// </summary>
public static class AuditIdentity
{
    /// <summary>The canonical IAM ARN, or null when nothing in the event names an IAM principal.</summary>
    public static string? CanonicalArn(string? canonicalArn, string? arn, string username)
    {
        if (IamPrincipalArn.TryParse(canonicalArn, out var canonical, out _))
        {
            return canonical.Canonicalize().Value;
        }

        if (IamPrincipalArn.TryParse(arn, out var raw, out _))
        {
            return raw.Canonicalize().Value;
        }

        return username.StartsWith("arn:", StringComparison.Ordinal) && IamPrincipalArn.TryParse(username, out var named, out _)
            ? named.Canonicalize().Value
            : null;
    }

    /// <summary>
    /// The key two ARNs of one principal share: the canonical ARN without a role's path, lower-cased (the authenticator
    /// compares case-insensitively and STS never reports a role's path). Null when <paramref name="principalArn"/> is not a principal ARN.
    /// </summary>
    public static string? Key(string? principalArn) =>
        IamPrincipalArn.TryParse(principalArn, out var parsed, out _)
            ? parsed.Canonicalize().WithoutPath().Value.ToLowerInvariant()
            : null;

    /// <summary>The session name of an assumed-role ARN, or null.</summary>
    public static string? SessionOf(string? arn) =>
        IamPrincipalArn.TryParse(arn, out var parsed, out _) ? parsed.SessionName : null;
}
