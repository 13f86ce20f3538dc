using System.Runtime.CompilerServices;
using EksAccess.Aws.CloudTrail.Model;

namespace EksAccess.Aws.CloudTrail;

/// <summary>
/// Paginators for <see cref="ICloudTrailClient"/>: <c>…PagesAsync</c> yields every response page, <c>…AllAsync</c> every item,
/// following the continuation token until the service stops returning one.
/// </summary>
public static class CloudTrailClientPaginators
{
    /// <summary>Every page of LookupEvents, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<LookupEventsResponse> LookupEventsPagesAsync(this ICloudTrailClient client, LookupEventsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.LookupEventsAsync(current, cancellationToken);
            yield return page;
            var token = page.NextToken;
            if (string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { NextToken = token };
        }
    }

    /// <summary>Every <c>Events</c> item of every page of LookupEvents.</summary>
    public static async IAsyncEnumerable<Event> LookupEventsAllAsync(this ICloudTrailClient client, LookupEventsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.LookupEventsPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.Events ?? [])
            {
                yield return item;
            }
        }
    }
}
