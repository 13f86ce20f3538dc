using System.Collections.Immutable;

namespace EksAccess.Core.Desired;

/// <summary>The tags eksaccess puts on the IAM users and roles (and access entries) it creates.</summary>
internal static class IamTags
{
    public const string ManagedByKey = "managed-by";
    public const string ManagedByValue = "eksaccess";

    /// <summary>The configured tags plus <c>managed-by=eksaccess</c>, in ordinal key order.</summary>
    public static ImmutableSortedDictionary<string, string> Managed(ImmutableSortedDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.WithComparers(StringComparer.Ordinal).SetItem(ManagedByKey, ManagedByValue);
    }
}
