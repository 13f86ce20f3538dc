namespace EksAccess.Aws.CloudWatchLogs.Model;

/// <summary>The values of the CloudWatch Logs <c>QueryStatus</c> enum.</summary>
public static class QueryStatus
{
    public const string Scheduled = "Scheduled";

    public const string Running = "Running";

    public const string Complete = "Complete";

    public const string Failed = "Failed";

    public const string Cancelled = "Cancelled";

    public const string Timeout = "Timeout";

    public const string Unknown = "Unknown";
}
