using System.Collections.Concurrent;
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
    // A log names few principals many times: ARN parsing (regular expressions) is done once per distinct text.
    private const int CacheLimit = 100_000;
    private static readonly ConcurrentDictionary<(string?, string?, string), string?> Canonical = new();
    private static readonly ConcurrentDictionary<string, string?> Sessions = new(StringComparer.Ordinal);

    /// <summary>The canonical IAM ARN, or null when nothing in the event names an IAM principal.</summary>
    public static string? CanonicalArn(string? canonicalArn, string? arn, string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        var key = (canonicalArn, arn, username);
        if (Canonical.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (Canonical.Count > CacheLimit)
        {
            Canonical.Clear();
        }

        return Canonical[key] = ComputeCanonicalArn(canonicalArn, arn, username);
    }

    private static string? ComputeCanonicalArn(string? canonicalArn, string? arn, string username)
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
    public static string? SessionOf(string? arn)
    {
        if (arn is null)
        {
            return null;
        }

        if (Sessions.TryGetValue(arn, out var cached))
        {
            return cached;
        }

        if (Sessions.Count > CacheLimit)
        {
            Sessions.Clear();
        }

        return Sessions[arn] = IamPrincipalArn.TryParse(arn, out var parsed, out _) ? parsed.SessionName : null;
    }
}
