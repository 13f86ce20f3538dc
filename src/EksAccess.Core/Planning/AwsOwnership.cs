using System.Collections.Immutable;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Planning;

/// <summary>
/// How eksaccess records what it owns in AWS: IAM users, roles and access entries it creates carry the tag
/// <c>managed-by=eksaccess</c>; IAM users and roles created by <c>eksaccess apply</c> also carry
/// <c>eksaccess.io/cluster=&lt;cluster ARN&gt;</c>, so the apply of one cluster's config never deletes what another
/// cluster's config created in the same account. Only owned things are ever deleted. IAM groups cannot be tagged:
/// eksaccess never deletes a group.
/// </summary>
public static class AwsOwnership
{
    public const string ManagedByKey = IamTags.ManagedByKey;
    public const string ManagedByValue = IamTags.ManagedByValue;
    public const string ClusterKey = "eksaccess.io/cluster";

    /// <summary>Tagged managed-by=eksaccess (by any eksaccess: apply or the rendered aws-cli script).</summary>
    public static bool IsManaged(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.TryGetValue(ManagedByKey, out var value) && string.Equals(value, ManagedByValue, StringComparison.Ordinal);
    }

    /// <summary>Managed, and not recorded as belonging to another cluster's config.</summary>
    public static bool IsOwnedBy(IReadOnlyDictionary<string, string> tags, string clusterArn)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return IsManaged(tags)
            && (!tags.TryGetValue(ClusterKey, out var cluster) || string.Equals(cluster, clusterArn, StringComparison.Ordinal));
    }

    /// <summary>The tags of an IAM user or role eksaccess creates: the configured ones, managed-by and the cluster.</summary>
    public static ImmutableSortedDictionary<string, string> CreationTags(ImmutableSortedDictionary<string, string> configured, string clusterArn)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return IamTags.Managed(configured).SetItem(ClusterKey, clusterArn);
    }
}
