using EksAccess.Aws.Eks.Model;

namespace EksAccess.Aws.Access;

/// <summary>The EKS wire shapes that share a name with a Core record (AccessScope, AssociatedAccessPolicy), mapped in one place.</summary>
internal static class WireMapping
{
    public static Core.Identity.AssociatedAccessPolicy ToCore(AssociatedAccessPolicy policy) => new(
        policy.PolicyArn ?? "",
        new Core.Identity.AccessScope(policy.AccessScope?.Type ?? Core.Identity.AccessScope.ClusterType, [.. policy.AccessScope?.Namespaces ?? []]));

    public static AccessScope ToWire(Core.Identity.AccessScope scope) =>
        new() { Type = scope.Type, Namespaces = scope.IsCluster ? null : [.. scope.Namespaces] };
}
