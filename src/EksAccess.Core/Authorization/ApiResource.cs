using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>
/// One resource type as API discovery describes it: plural (the RBAC resource name), singular (lower-case kind),
/// short names, kind, group ("" = core), served versions (empty = not known, any version accepted) and scope.
/// </summary>
public sealed record ApiResource(
    string Plural,
    string Singular,
    ImmutableArray<string> ShortNames,
    string Kind,
    string Group,
    ImmutableArray<string> Versions,
    bool Namespaced);
