using System.Collections.Immutable;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Migration;

/// <summary>What migrate answers: the modes, one verdict per mapping, the entries to create (in creation order) and the proof.</summary>
public sealed record MigrationResult(
    AuthenticationMode From,
    AuthenticationMode To,
    ImmutableArray<MigrationVerdict> Verdicts,
    ImmutableArray<PlannedEntry> Entries,
    MigrationProof Proof)
{
    public string? ClusterName { get; init; }

    /// <summary>What the decision was made from (the state before, the lookups, the logs' principals).</summary>
    public required MigrationInput Input { get; init; }
}
