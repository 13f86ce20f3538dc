namespace EksAccess.Aws.CloudWatchLogs.Model;

/// <summary>Input of StartQuery (times in seconds since the epoch).</summary>
public sealed record StartQueryRequest
{
    public string? QueryLanguage { get; init; }

    public string? LogGroupName { get; init; }

    public List<string>? LogGroupNames { get; init; }

    public List<string>? LogGroupIdentifiers { get; init; }

    public long? StartTime { get; init; }

    public long? EndTime { get; init; }

    public string? QueryString { get; init; }

    public int? Limit { get; init; }
}
