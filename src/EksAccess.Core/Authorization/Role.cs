using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

public sealed record Role(string Namespace, string Name, ImmutableArray<PolicyRule> Rules)
{
    /// <summary>Where the object was read from (file:line), for explanations and errors; null when built in code.</summary>
    public string? Source { get; init; }
}
