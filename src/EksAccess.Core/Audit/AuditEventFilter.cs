using System.Collections.Immutable;

namespace EksAccess.Core.Audit;

/// <summary>
/// Which events a query keeps: inside the window, and — when principals or usernames are given — made by one of them.
/// A principal matches by canonical IAM ARN (role, assumed-role session or user ARN all reduce to the same key);
/// a username matches the Kubernetes username exactly. With both, either matches.
/// </summary>
public sealed class AuditEventFilter
{
    private readonly HashSet<string> _principalKeys;
    private readonly HashSet<string> _usernames;

    public AuditEventFilter(AuditWindow window, IEnumerable<string> principalArns, IEnumerable<string> usernames)
    {
        ArgumentNullException.ThrowIfNull(principalArns);
        ArgumentNullException.ThrowIfNull(usernames);
        Window = window ?? throw new ArgumentNullException(nameof(window));
        _principalKeys = new HashSet<string>(principalArns.Select(arn => AuditIdentity.Key(arn) ?? throw new ArgumentException($"'{arn}' is not an IAM principal ARN", nameof(principalArns))), StringComparer.Ordinal);
        _usernames = new HashSet<string>(usernames, StringComparer.Ordinal);
        CanonicalPrincipals = [.. principalArns.Select(arn => Identity.IamPrincipalArn.Parse(arn).Canonicalize().WithoutPath().Value).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public AuditWindow Window { get; }

    /// <summary>The canonical ARNs asked for (for a server-side filter pattern).</summary>
    public ImmutableArray<string> CanonicalPrincipals { get; }

    public ImmutableArray<string> Usernames => [.. _usernames.Order(StringComparer.Ordinal)];

    public bool Matches(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (!Window.Contains(auditEvent.Time))
        {
            return false;
        }

        if (_principalKeys.Count == 0 && _usernames.Count == 0)
        {
            return true;
        }

        return _usernames.Contains(auditEvent.Username)
            || (_principalKeys.Count > 0 && AuditIdentity.Key(auditEvent.PrincipalArn) is { } key && _principalKeys.Contains(key));
    }
}
