using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

public sealed record RoleBinding(string Namespace, string Name, RoleRef RoleRef, ImmutableArray<Subject> Subjects)
{
    public string? Source { get; init; }
}
