using System.Collections.Immutable;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// The suggestion checked by the evaluator: every allowed request of the window replayed with the suggestion in place
/// of the subject's grants (<see cref="StillAllowed"/> of <see cref="Replayed"/>), and every sensitive permission held
/// today and never used asked again (<see cref="NowDenied"/>). <see cref="Failures"/> names what broke the proof.
/// </summary>
public sealed record RightsizeProof
{
    public long Replayed { get; init; }

    public long StillAllowed { get; init; }

    public ImmutableArray<AccessRequest> NowDenied { get; init; } = [];

    /// <summary>Allowed in the log but not by the state evaluated (the snapshot differs from the logged cluster): not replayed.</summary>
    public long NotAllowedToday { get; init; }

    public ImmutableArray<string> Failures { get; init; } = [];

    public bool Ok => Failures.IsEmpty;
}
