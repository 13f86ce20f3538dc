using System.Collections.Immutable;

namespace EksAccess.Core.Migration;

/// <summary>
/// The equivalence proof: <see cref="Principals"/> compared through every step, <see cref="Checks"/> comparisons made
/// (identity facts plus matrix requests per principal and step), the <see cref="Differences"/> found and the
/// <see cref="ReviewItems"/>. <see cref="Equivalent"/> only when there is no difference at all.
/// </summary>
public sealed record MigrationProof(int Principals, long Checks, ImmutableArray<ProofDifference> Differences, ImmutableArray<ReviewItem> ReviewItems)
{
    /// <summary>Requests in one principal's matrix.</summary>
    public int MatrixSize { get; init; }

    public bool Equivalent => Differences.IsEmpty;

    /// <summary>No difference, or every one accepted with --accept: the migration may go on.</summary>
    public bool Proceed => Differences.All(d => d.Accepted);
}
