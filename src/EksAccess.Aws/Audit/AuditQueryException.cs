namespace EksAccess.Aws.Audit;

/// <summary>
/// The audit question cannot be asked as put: an unknown cluster, a log group that does not exist (logging not
/// enabled), or a window CloudTrail does not keep. The message is one line saying what to change.
/// </summary>
public sealed class AuditQueryException : Exception
{
    public AuditQueryException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public AuditQueryException()
    {
    }

    public AuditQueryException(string message)
        : base(message)
    {
    }
}
