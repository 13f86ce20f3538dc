using System.Collections.Immutable;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Risks;

namespace EksAccess.Core.Reporting;

/// <summary>
/// What the HTML report shows, computed by the evaluator. A cell (principal × namespace) is a comma-separated list of
/// <c>r@m</c>: explanation <see cref="Reasons"/>[r] allowed the actions whose bits are set in hex mask m (bit a =
/// <see cref="Actions"/>[a]); an action in no mask is denied. Explanations are shared, so 1,000 principals × 100
/// namespaces stay small. <see cref="Risks"/> is null in the matrix view (no analysis ran).
/// </summary>
public sealed record AccessReport(
    string Title,
    ImmutableArray<string> Namespaces,
    ImmutableArray<MatrixAction> Actions,
    ImmutableArray<ReportPrincipal> Principals,
    ImmutableArray<string> Reasons,
    RiskReport? Risks)
{
    public bool HasAudit { get; init; }
}
