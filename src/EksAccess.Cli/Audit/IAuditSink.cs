using EksAccess.Core.Audit;

namespace EksAccess.Cli.Audit;

/// <summary>Where read audit records go, whichever source they came from.</summary>
internal interface IAuditSink
{
    void Event(AuditEvent auditEvent);

    void Login(AuthenticatorLogin login);

    void Warning(string message);
}
