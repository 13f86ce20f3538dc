namespace EksAccess.Core.Audit;

/// <summary>
/// One event per request: kube-apiserver logs an auditID once per stage (RequestReceived, ResponseStarted for long
/// requests, ResponseComplete or Panic), and overlapping files or pages repeat events. A final stage is passed on the
/// first time its auditID is seen; an earlier stage is held until the request completes and is passed on by
/// <see cref="Flush"/> only when it never does (a request still running when the log was cut).
/// </summary>
public sealed class AuditDeduplicator
{
    private readonly HashSet<Guid> _completedIds = [];
    private readonly HashSet<string> _completedOther = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuditEvent> _pending = new(StringComparer.Ordinal);

    /// <summary>Events dropped as repeats of an auditID already passed on or superseded by a later stage.</summary>
    public long Duplicates { get; private set; }

    /// <summary>True when <paramref name="auditEvent"/> is the first final-stage event of its auditID: pass it on now.</summary>
    public bool Accept(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (IsCompleted(auditEvent.AuditId))
        {
            Duplicates++;
            return false;
        }

        if (!auditEvent.IsFinalStage)
        {
            if (_pending.ContainsKey(auditEvent.AuditId))
            {
                Duplicates++;
            }

            _pending[auditEvent.AuditId] = auditEvent;
            return false;
        }

        if (_pending.Remove(auditEvent.AuditId))
        {
            Duplicates++;
        }

        MarkCompleted(auditEvent.AuditId);
        return true;
    }

    /// <summary>The requests seen only at an early stage, oldest first; afterwards they count as passed on.</summary>
    public IReadOnlyList<AuditEvent> Flush()
    {
        var pending = _pending.Values.OrderBy(e => e.Time).ThenBy(e => e.AuditId, StringComparer.Ordinal).ToList();
        foreach (var item in pending)
        {
            MarkCompleted(item.AuditId);
        }

        _pending.Clear();
        return pending;
    }

    private bool IsCompleted(string auditId) =>
        Guid.TryParse(auditId, out var id) ? _completedIds.Contains(id) : _completedOther.Contains(auditId);

    private void MarkCompleted(string auditId)
    {
        if (Guid.TryParse(auditId, out var id))
        {
            _completedIds.Add(id);
        }
        else
        {
            _completedOther.Add(auditId);
        }
    }
}
