namespace EksAccess.Aws.Eks.Model;

/// <summary>The values of the EKS <c>UpdateStatus</c> enum.</summary>
internal static class UpdateStatus
{
    public const string InProgress = "InProgress";

    public const string Failed = "Failed";

    public const string Cancelled = "Cancelled";

    public const string Successful = "Successful";
}
