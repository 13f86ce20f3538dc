using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// The grants proposed in place of the subject's: RBAC objects (labelled managed-by eksaccess) and, per principal,
/// the access-policy associations to keep (narrowed where the use allows).
/// </summary>
public sealed record RightsizeSuggestion
{
    public ImmutableArray<Role> Roles { get; init; } = [];

    public ImmutableArray<ClusterRole> ClusterRoles { get; init; } = [];

    public ImmutableArray<RoleBinding> RoleBindings { get; init; } = [];

    public ImmutableArray<ClusterRoleBinding> ClusterRoleBindings { get; init; } = [];

    /// <summary>Suggested associations by canonical principal ARN.</summary>
    public ImmutableDictionary<string, ImmutableArray<AssociatedAccessPolicy>> AccessPolicies { get; init; } =
        ImmutableDictionary<string, ImmutableArray<AssociatedAccessPolicy>>.Empty.WithComparers(StringComparer.Ordinal);

    public ImmutableArray<PolicyRecommendation> PolicyRecommendations { get; init; } = [];
}
