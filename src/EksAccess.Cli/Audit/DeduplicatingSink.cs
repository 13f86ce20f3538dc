using EksAccess.Core.Audit;

namespace EksAccess.Cli.Audit;

/// <summary>
/// A sink that sees each request once: stages of one auditID are folded by <see cref="AuditDeduplicator"/>, and the
/// events still held back are handed over by <see cref="FlushPending"/> when the sources are done.
/// </summary>
internal abstract class DeduplicatingSink(WarningCounter warnings) : IAuditSink
{
    private readonly AuditDeduplicator _dedup = new();

    /// <summary>The malformed-line warnings the sources reported, for the final count.</summary>
    public WarningCounter Warnings { get; } = warnings;

    public void Event(AuditEvent auditEvent)
    {
        if (_dedup.Accept(auditEvent))
        {
            Accept(auditEvent);
        }
    }

    public virtual void Login(AuthenticatorLogin login)
    {
    }

    public void Warning(string message) => Warnings.Add(message);

    protected void FlushPending()
    {
        foreach (var pending in _dedup.Flush())
        {
            Accept(pending);
        }
    }

    /// <summary>One request, once.</summary>
    protected abstract void Accept(AuditEvent auditEvent);
}
