using System.Collections.Immutable;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Planning;

/// <summary>An existing access entry, as DescribeAccessEntry and ListAssociatedAccessPolicies return it.</summary>
public sealed record ObservedAccessEntry(string PrincipalArn)
{
    public string Type { get; init; } = AccessEntry.StandardType;

    /// <summary>The username EKS reports (its default when the entry was created without one).</summary>
    public string? Username { get; init; }

    public ImmutableArray<string> KubernetesGroups { get; init; } = [];

    public ImmutableSortedDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public ImmutableArray<AssociatedAccessPolicy> AssociatedAccessPolicies { get; init; } = [];

    /// <summary>Created by eksaccess: tagged <c>managed-by=eksaccess</c>.</summary>
    public bool IsManaged => Tags.TryGetValue(AwsOwnership.ManagedByKey, out var value) && string.Equals(value, AwsOwnership.ManagedByValue, StringComparison.Ordinal);
}
