using EksAccess.Aws.CloudWatchLogs.Model;

namespace EksAccess.Aws.CloudWatchLogs;

/// <summary>
/// Amazon CloudWatch Logs (JSON 1.1), shaped like AWSSDK.CloudWatchLogs's <c>IAmazonCloudWatchLogs</c>.
/// Failures surface as <see cref="AwsServiceException"/> after bounded retries of throttling and transient errors.
/// </summary>
public interface ICloudWatchLogsClient
{
    Task<StartQueryResponse> StartQueryAsync(StartQueryRequest request, CancellationToken cancellationToken);

    Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken);

    Task<FilterLogEventsResponse> FilterLogEventsAsync(FilterLogEventsRequest request, CancellationToken cancellationToken);
}
