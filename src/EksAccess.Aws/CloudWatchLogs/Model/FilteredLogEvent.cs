namespace EksAccess.Aws.CloudWatchLogs.Model;

/// <summary>A log event that matched (times in milliseconds since the epoch).</summary>
public sealed record FilteredLogEvent
{
    public string? LogStreamName { get; init; }

    public long? Timestamp { get; init; }

    public string? Message { get; init; }

    public long? IngestionTime { get; init; }

    public string? EventId { get; init; }
}
