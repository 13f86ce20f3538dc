namespace EksAccess.Aws.CloudWatchLogs.Model;

/// <summary>A log stream FilterLogEvents searched.</summary>
public sealed record SearchedLogStream
{
    public string? LogStreamName { get; init; }

    public bool? SearchedCompletely { get; init; }
}
