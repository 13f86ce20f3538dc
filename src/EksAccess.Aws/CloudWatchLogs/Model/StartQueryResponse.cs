namespace EksAccess.Aws.CloudWatchLogs.Model;

/// <summary>Output of StartQuery.</summary>
public sealed record StartQueryResponse
{
    public string? QueryId { get; init; }
}
