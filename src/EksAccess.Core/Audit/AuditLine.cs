namespace EksAccess.Core.Audit;

/// <summary>What one line of an audit file held, filled by <see cref="AuditLineParser.Parse"/>.</summary>
public sealed class AuditLine
{
    /// <summary>The events on the line (several for a compact <c>aws logs filter-log-events</c> document).</summary>
    public IList<AuditEvent> Events { get; } = new List<AuditEvent>();

    public IList<AuthenticatorLogin> Logins { get; } = new List<AuthenticatorLogin>();

    /// <summary>Why the line (or one event on it) was skipped; null when it was read.</summary>
    public string? Error { get; set; }

    /// <summary>Values seen on earlier lines, so repeats cost no allocation.</summary>
    internal Utf8StringCache Strings { get; } = new();

    public void Clear()
    {
        Events.Clear();
        Logins.Clear();
        Error = null;
    }
}
