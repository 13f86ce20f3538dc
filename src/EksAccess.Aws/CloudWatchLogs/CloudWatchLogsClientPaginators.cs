using System.Runtime.CompilerServices;
using EksAccess.Aws.CloudWatchLogs.Model;

namespace EksAccess.Aws.CloudWatchLogs;

/// <summary>
/// Paginators for <see cref="ICloudWatchLogsClient"/>: <c>…PagesAsync</c> yields every response page, <c>…AllAsync</c> every item,
/// following the continuation token until the service stops returning one.
/// </summary>
public static class CloudWatchLogsClientPaginators
{
    /// <summary>Every page of FilterLogEvents, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<FilterLogEventsResponse> FilterLogEventsPagesAsync(this ICloudWatchLogsClient client, FilterLogEventsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.FilterLogEventsAsync(current, cancellationToken);
            yield return page;
            var token = page.NextToken;
            if (string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { NextToken = token };
        }
    }

    /// <summary>Every <c>Events</c> item of every page of FilterLogEvents.</summary>
    public static async IAsyncEnumerable<FilteredLogEvent> FilterLogEventsAllAsync(this ICloudWatchLogsClient client, FilterLogEventsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.FilterLogEventsPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.Events ?? [])
            {
                yield return item;
            }
        }
    }
}
