using System.Collections.Immutable;

namespace EksAccess.Core.Audit;

/// <summary>What one line of an audit file held, filled by <see cref="AuditLineParser.Parse"/>.</summary>
public sealed class AuditLine
{
    /// <summary>The events on the line (several for a compact <c>aws logs filter-log-events</c> document).</summary>
    public IList<AuditEvent> Events { get; } = new List<AuditEvent>();

    public IList<AuthenticatorLogin> Logins { get; } = new List<AuthenticatorLogin>();

    /// <summary>Why the line (or one event on it) was skipped; null when it was read.</summary>
    public string? Error { get; set; }

    /// <summary>Strings seen on earlier lines, by their bytes, so repeats cost no allocation.</summary>
    internal Utf8Cache<string> Strings { get; } = new();

    /// <summary>String arrays (groups, sourceIPs) seen on earlier lines, by their JSON bytes.</summary>
    internal Utf8Cache<ImmutableArray<string>> Arrays { get; } = new();

    /// <summary>Canonical ARNs by the (interned) strings they were computed from.</summary>
    internal Dictionary<PrincipalKey, string?> Principals { get; } = new();

    public void Clear()
    {
        Events.Clear();
        Logins.Clear();
        Error = null;
    }
}
