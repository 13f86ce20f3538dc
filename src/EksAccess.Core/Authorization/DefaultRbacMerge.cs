using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>The result of <see cref="DefaultRbac.MergeInto"/>: ClusterRoles (aggregated) and ClusterRoleBindings.</summary>
public sealed record DefaultRbacMerge(ImmutableArray<ClusterRole> ClusterRoles, ImmutableArray<ClusterRoleBinding> ClusterRoleBindings);
