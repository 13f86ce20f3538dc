using EksAccess.Aws.CloudWatchLogs.Model;
using EksAccess.Aws.Http;
using EksAccess.Aws.Json;

namespace EksAccess.Aws.CloudWatchLogs;

/// <summary><see cref="ICloudWatchLogsClient"/> over JSON 1.1 (<c>Logs_20140328</c>).</summary>
internal sealed class CloudWatchLogsClient : ICloudWatchLogsClient
{
    public const string TargetPrefix = "Logs_20140328";

    private readonly JsonRpc _rpc;

    public CloudWatchLogsClient(AwsTransport transport)
    {
        _rpc = new JsonRpc(transport, AwsService.CloudWatchLogs, TargetPrefix, AwsJson.CamelCase);
    }

    public Task<StartQueryResponse> StartQueryAsync(StartQueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.QueryString, "StartQuery", "QueryString");
        _ = request.StartTime ?? throw new ArgumentException("StartQuery: the request member StartTime is required.", nameof(request));
        _ = request.EndTime ?? throw new ArgumentException("StartQuery: the request member EndTime is required.", nameof(request));
        return _rpc.CallAsync<StartQueryRequest, StartQueryResponse>("StartQuery", request, cancellationToken);
    }

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required.Member(request.QueryId, "GetQueryResults", "QueryId");
        return _rpc.CallAsync<GetQueryResultsRequest, GetQueryResultsResponse>("GetQueryResults", request, cancellationToken);
    }

    public Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _rpc.CallAsync<FilterLogEventsRequest, FilterLogEventsResponse>("FilterLogEvents", request, cancellationToken);
    }
}
