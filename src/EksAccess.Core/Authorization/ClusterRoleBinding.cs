using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

public sealed record ClusterRoleBinding(string Name, RoleRef RoleRef, ImmutableArray<Subject> Subjects)
{
    public string? Source { get; init; }
}
