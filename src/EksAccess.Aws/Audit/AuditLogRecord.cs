using EksAccess.Core.Audit;

namespace EksAccess.Aws.Audit;

/// <summary>One log event pulled from CloudWatch Logs, parsed: an audit event, an authenticator login, or a warning
/// (<see cref="Location"/> names the stream and event id) for a message that could not be read.</summary>
public sealed record AuditLogRecord(AuditEvent? Event, AuthenticatorLogin? Login, string? Warning, string Location);
