using System.Collections.Immutable;
using EksAccess.Core.Audit;

namespace EksAccess.Cli.Audit;

/// <summary>Who the audit log shows: requests per username and per principal ARN (for H-UNSEEN and the report's usage column).</summary>
internal sealed class AuditUsage(TextWriter stderr) : IAuditSink
{
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);

    public ImmutableHashSet<string> Seen => [.. _requests.Keys];

    public IReadOnlyDictionary<string, int> Requests => _requests;

    public void Event(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (!auditEvent.IsFinalStage)
        {
            return;
        }

        Count(auditEvent.Username);
        if (auditEvent.PrincipalArn is { } arn)
        {
            Count(arn);
        }
    }

    public void Login(AuthenticatorLogin login)
    {
    }

    public void Warning(string message) => stderr.WriteLine($"warning: {message}");

    private void Count(string key) => _requests[key] = _requests.GetValueOrDefault(key) + 1;
}
