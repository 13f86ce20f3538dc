using System.Runtime.CompilerServices;
using EksAccess.Aws.Eks.Model;

namespace EksAccess.Aws.Eks;

/// <summary>
/// Paginators for <see cref="IEksClient"/>: <c>…PagesAsync</c> yields every response page, <c>…AllAsync</c> every item,
/// following the continuation token until the service stops returning one.
/// </summary>
internal static class EksClientPaginators
{
    /// <summary>Every page of ListClusters, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListClustersResponse> ListClustersPagesAsync(this IEksClient client, ListClustersRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListClustersAsync(current, cancellationToken);
            yield return page;
            var token = page.NextToken;
            if (string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { NextToken = token };
        }
    }

    /// <summary>Every <c>Clusters</c> item of every page of ListClusters.</summary>
    public static async IAsyncEnumerable<string> ListClustersAllAsync(this IEksClient client, ListClustersRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListClustersPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.Clusters ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListAccessEntries, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListAccessEntriesResponse> ListAccessEntriesPagesAsync(this IEksClient client, ListAccessEntriesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListAccessEntriesAsync(current, cancellationToken);
            yield return page;
            var token = page.NextToken;
            if (string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { NextToken = token };
        }
    }

    /// <summary>Every <c>AccessEntries</c> item of every page of ListAccessEntries.</summary>
    public static async IAsyncEnumerable<string> ListAccessEntriesAllAsync(this IEksClient client, ListAccessEntriesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListAccessEntriesPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.AccessEntries ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListAssociatedAccessPolicies, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListAssociatedAccessPoliciesResponse> ListAssociatedAccessPoliciesPagesAsync(this IEksClient client, ListAssociatedAccessPoliciesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListAssociatedAccessPoliciesAsync(current, cancellationToken);
            yield return page;
            var token = page.NextToken;
            if (string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { NextToken = token };
        }
    }

    /// <summary>Every <c>AssociatedAccessPolicies</c> item of every page of ListAssociatedAccessPolicies.</summary>
    public static async IAsyncEnumerable<AssociatedAccessPolicy> ListAssociatedAccessPoliciesAllAsync(this IEksClient client, ListAssociatedAccessPoliciesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListAssociatedAccessPoliciesPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.AssociatedAccessPolicies ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListAccessPolicies, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListAccessPoliciesResponse> ListAccessPoliciesPagesAsync(this IEksClient client, ListAccessPoliciesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListAccessPoliciesAsync(current, cancellationToken);
            yield return page;
            var token = page.NextToken;
            if (string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { NextToken = token };
        }
    }

    /// <summary>Every <c>AccessPolicies</c> item of every page of ListAccessPolicies.</summary>
    public static async IAsyncEnumerable<AccessPolicy> ListAccessPoliciesAllAsync(this IEksClient client, ListAccessPoliciesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListAccessPoliciesPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.AccessPolicies ?? [])
            {
                yield return item;
            }
        }
    }
}
