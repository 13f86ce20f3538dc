namespace EksAccess.Aws.CloudWatchLogs.Model;

/// <summary>Input of GetQueryResults.</summary>
public sealed record GetQueryResultsRequest
{
    public string? QueryId { get; init; }
}
