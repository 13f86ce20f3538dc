namespace EksAccess.Aws.CloudWatchLogs.Model;

/// <summary>Output of GetQueryResults (status: see <see cref="QueryStatus"/>).</summary>
public sealed record GetQueryResultsResponse
{
    public string? QueryLanguage { get; init; }

    public List<List<ResultField>>? Results { get; init; }

    public QueryStatistics? Statistics { get; init; }

    public string? Status { get; init; }

    public string? EncryptionKey { get; init; }
}
