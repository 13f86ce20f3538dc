using System.Collections.Immutable;

namespace EksAccess.Core.Migration;

/// <summary>
/// A principal that is not the same after a step: <see cref="Stage"/> names the step ("mode API_AND_CONFIG_MAP",
/// "entry 2 of 5 (mapRoles[1]) created", "mode API"), <see cref="What"/> what changed (authentication, username, groups,
/// permissions), <see cref="Requests"/> the first changed requests of <see cref="RequestCount"/>. <see cref="Accepted"/>: listed in --accept.
/// </summary>
public sealed record ProofDifference(string PrincipalArn, string Stage, ProofIdentity Before, ProofIdentity After, ImmutableArray<string> What)
{
    public ImmutableArray<RequestChange> Requests { get; init; } = [];

    public int RequestCount { get; init; }

    public bool Accepted { get; init; }
}
