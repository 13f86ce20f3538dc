namespace EksAccess.Aws.Eks.Model;

/// <summary>The values of the EKS <c>LogType</c> enum.</summary>
internal static class LogType
{
    public const string Api = "api";

    public const string Audit = "audit";

    public const string Authenticator = "authenticator";

    public const string ControllerManager = "controllerManager";

    public const string Scheduler = "scheduler";
}
