using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>One RBAC rule (rbac.authorization.k8s.io/v1 PolicyRule). Absent lists are empty, never default.</summary>
public sealed record PolicyRule(
    ImmutableArray<string> Verbs,
    ImmutableArray<string> ApiGroups,
    ImmutableArray<string> Resources,
    ImmutableArray<string> ResourceNames,
    ImmutableArray<string> NonResourceUrls)
{
    public static PolicyRule ForResources(IEnumerable<string> apiGroups, IEnumerable<string> resources, IEnumerable<string> verbs, IEnumerable<string>? resourceNames = null) =>
        new([.. verbs], [.. apiGroups], [.. resources], resourceNames is null ? [] : [.. resourceNames], []);

    public static PolicyRule ForNonResourceUrls(IEnumerable<string> urls, IEnumerable<string> verbs) =>
        new([.. verbs], [], [], [], [.. urls]);
}
