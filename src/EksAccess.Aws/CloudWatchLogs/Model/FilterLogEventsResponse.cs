namespace EksAccess.Aws.CloudWatchLogs.Model;

/// <summary>Output of FilterLogEvents.</summary>
public sealed record FilterLogEventsResponse
{
    public List<FilteredLogEvent>? Events { get; init; }

    public List<SearchedLogStream>? SearchedLogStreams { get; init; }

    public string? NextToken { get; init; }
}
