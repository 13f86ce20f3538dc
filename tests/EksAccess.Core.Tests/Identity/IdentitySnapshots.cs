using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Tests.Identity;

/// <summary>Small snapshots for the identity tests: one cluster in account 111122223333, a mode, entries and aws-auth.</summary>
internal static class IdentitySnapshots
{
    public const string EditPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy";
    public const string ClusterAdminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

    public static ClusterSnapshot Create(AuthenticationMode mode, string? awsAuthFile = null, params AccessEntry[] entries) => new()
    {
        Cluster = new ClusterInfo("my-cluster", "arn:aws:eks:us-east-1:111122223333:cluster/my-cluster", mode),
        AwsAuth = awsAuthFile is null ? null : AwsAuthInput.Load(awsAuthFile),
        AccessEntries = [.. entries],
    };

    public static IdentityResolver Resolver(AuthenticationMode mode, string? awsAuthFile = null, params AccessEntry[] entries) =>
        new(Create(mode, awsAuthFile, entries));

    public static AccessEntry Entry(string principalArn, string type = AccessEntry.StandardType, string? username = null, string[]? groups = null, params AssociatedAccessPolicy[] policies) =>
        new(principalArn, type, username, groups is null ? [] : [.. groups], [.. policies]);

    public static AssociatedAccessPolicy Policy(string policyArn, params string[] namespaces) =>
        new(policyArn, namespaces.Length == 0 ? AccessScope.Cluster : new AccessScope(AccessScope.NamespaceType, [.. namespaces]));

    public static IdentityResolution.Mapped ShouldBeMapped(this IdentityResolution resolution)
    {
        var rejected = resolution as IdentityResolution.Rejected;
        rejected.ShouldBeNull($"expected a mapping, got: {rejected?.Reason}");
        return resolution.ShouldBeOfType<IdentityResolution.Mapped>();
    }

    public static IdentityResolution.Rejected ShouldBeRejected(this IdentityResolution resolution) =>
        resolution.ShouldBeOfType<IdentityResolution.Rejected>();

    public static ImmutableArray<string> Groups(params string[] groups) => [.. groups];
}
