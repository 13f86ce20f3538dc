namespace EksAccess.Core.Audit;

/// <summary>The audit.k8s.io/v1 Stage values.</summary>
public static class AuditStages
{
    public const string RequestReceived = "RequestReceived";
    public const string ResponseStarted = "ResponseStarted";
    public const string ResponseComplete = "ResponseComplete";
    public const string Panic = "Panic";
}
