using System.Runtime.CompilerServices;
using EksAccess.Aws.Iam.Model;

namespace EksAccess.Aws.Iam;

/// <summary>
/// Paginators for <see cref="IIamClient"/>: <c>…PagesAsync</c> yields every response page, <c>…AllAsync</c> every item,
/// following the continuation token until the service stops returning one.
/// </summary>
internal static class IamClientPaginators
{
    /// <summary>Every page of ListUsers, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListUsersResponse> ListUsersPagesAsync(this IIamClient client, ListUsersRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListUsersAsync(current, cancellationToken);
            yield return page;
            var token = page.Marker;
            if (page.IsTruncated != true || string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { Marker = token };
        }
    }

    /// <summary>Every <c>Users</c> item of every page of ListUsers.</summary>
    public static async IAsyncEnumerable<User> ListUsersAllAsync(this IIamClient client, ListUsersRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListUsersPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.Users ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListRoles, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListRolesResponse> ListRolesPagesAsync(this IIamClient client, ListRolesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListRolesAsync(current, cancellationToken);
            yield return page;
            var token = page.Marker;
            if (page.IsTruncated != true || string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { Marker = token };
        }
    }

    /// <summary>Every <c>Roles</c> item of every page of ListRoles.</summary>
    public static async IAsyncEnumerable<Role> ListRolesAllAsync(this IIamClient client, ListRolesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListRolesPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.Roles ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of GetGroup, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<GetGroupResponse> GetGroupPagesAsync(this IIamClient client, GetGroupRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.GetGroupAsync(current, cancellationToken);
            yield return page;
            var token = page.Marker;
            if (page.IsTruncated != true || string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { Marker = token };
        }
    }

    /// <summary>Every <c>Users</c> item of every page of GetGroup.</summary>
    public static async IAsyncEnumerable<User> GetGroupAllAsync(this IIamClient client, GetGroupRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.GetGroupPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.Users ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListGroupsForUser, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListGroupsForUserResponse> ListGroupsForUserPagesAsync(this IIamClient client, ListGroupsForUserRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListGroupsForUserAsync(current, cancellationToken);
            yield return page;
            var token = page.Marker;
            if (page.IsTruncated != true || string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { Marker = token };
        }
    }

    /// <summary>Every <c>Groups</c> item of every page of ListGroupsForUser.</summary>
    public static async IAsyncEnumerable<Group> ListGroupsForUserAllAsync(this IIamClient client, ListGroupsForUserRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListGroupsForUserPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.Groups ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListUserPolicies, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListUserPoliciesResponse> ListUserPoliciesPagesAsync(this IIamClient client, ListUserPoliciesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListUserPoliciesAsync(current, cancellationToken);
            yield return page;
            var token = page.Marker;
            if (page.IsTruncated != true || string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { Marker = token };
        }
    }

    /// <summary>Every <c>PolicyNames</c> item of every page of ListUserPolicies.</summary>
    public static async IAsyncEnumerable<string> ListUserPoliciesAllAsync(this IIamClient client, ListUserPoliciesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListUserPoliciesPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.PolicyNames ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListRolePolicies, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListRolePoliciesResponse> ListRolePoliciesPagesAsync(this IIamClient client, ListRolePoliciesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListRolePoliciesAsync(current, cancellationToken);
            yield return page;
            var token = page.Marker;
            if (page.IsTruncated != true || string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { Marker = token };
        }
    }

    /// <summary>Every <c>PolicyNames</c> item of every page of ListRolePolicies.</summary>
    public static async IAsyncEnumerable<string> ListRolePoliciesAllAsync(this IIamClient client, ListRolePoliciesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListRolePoliciesPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.PolicyNames ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListGroupPolicies, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListGroupPoliciesResponse> ListGroupPoliciesPagesAsync(this IIamClient client, ListGroupPoliciesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListGroupPoliciesAsync(current, cancellationToken);
            yield return page;
            var token = page.Marker;
            if (page.IsTruncated != true || string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { Marker = token };
        }
    }

    /// <summary>Every <c>PolicyNames</c> item of every page of ListGroupPolicies.</summary>
    public static async IAsyncEnumerable<string> ListGroupPoliciesAllAsync(this IIamClient client, ListGroupPoliciesRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListGroupPoliciesPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.PolicyNames ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListAccessKeys, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListAccessKeysResponse> ListAccessKeysPagesAsync(this IIamClient client, ListAccessKeysRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListAccessKeysAsync(current, cancellationToken);
            yield return page;
            var token = page.Marker;
            if (page.IsTruncated != true || string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { Marker = token };
        }
    }

    /// <summary>Every <c>AccessKeyMetadata</c> item of every page of ListAccessKeys.</summary>
    public static async IAsyncEnumerable<AccessKeyMetadata> ListAccessKeysAllAsync(this IIamClient client, ListAccessKeysRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListAccessKeysPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.AccessKeyMetadata ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListUserTags, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListUserTagsResponse> ListUserTagsPagesAsync(this IIamClient client, ListUserTagsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListUserTagsAsync(current, cancellationToken);
            yield return page;
            var token = page.Marker;
            if (page.IsTruncated != true || string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { Marker = token };
        }
    }

    /// <summary>Every <c>Tags</c> item of every page of ListUserTags.</summary>
    public static async IAsyncEnumerable<Tag> ListUserTagsAllAsync(this IIamClient client, ListUserTagsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListUserTagsPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.Tags ?? [])
            {
                yield return item;
            }
        }
    }

    /// <summary>Every page of ListRoleTags, starting from <paramref name="request"/>'s own token.</summary>
    public static async IAsyncEnumerable<ListRoleTagsResponse> ListRoleTagsPagesAsync(this IIamClient client, ListRoleTagsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var current = request;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await client.ListRoleTagsAsync(current, cancellationToken);
            yield return page;
            var token = page.Marker;
            if (page.IsTruncated != true || string.IsNullOrEmpty(token) || !seen.Add(token))
            {
                yield break;
            }

            current = current with { Marker = token };
        }
    }

    /// <summary>Every <c>Tags</c> item of every page of ListRoleTags.</summary>
    public static async IAsyncEnumerable<Tag> ListRoleTagsAllAsync(this IIamClient client, ListRoleTagsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListRoleTagsPagesAsync(request, cancellationToken))
        {
            foreach (var item in page.Tags ?? [])
            {
                yield return item;
            }
        }
    }
}
