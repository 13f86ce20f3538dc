using System.Collections.Immutable;

namespace EksAccess.Core.Risks;

/// <summary>
/// The findings of one analysis, most severe first, and <see cref="NotEvaluated"/>: the rules this input could not
/// decide (they need IAM or live data), so silence is never read as "clean".
/// </summary>
public sealed record RiskReport(ImmutableArray<RiskFinding> Findings, ImmutableArray<string> NotEvaluated)
{
    /// <summary>The findings shown by default: at or above <paramref name="atLeast"/>, system principals folded unless included.</summary>
    public ImmutableArray<RiskFinding> Visible(RiskSeverity atLeast, bool includeSystem) =>
        [.. Findings.Where(f => f.Severity >= atLeast && (includeSystem || !f.IsSystem))];

    /// <summary>Folded system findings per rule id (what <c>--include-system</c> would add).</summary>
    public ImmutableArray<(string Id, RiskSeverity Severity, int Count)> Folded(RiskSeverity atLeast, bool includeSystem) =>
        includeSystem ? [] :
        [
            .. Findings.Where(f => f.IsSystem && f.Severity >= atLeast)
                .GroupBy(f => f.Id, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Max(f => f.Severity), g.Count()))
                .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal),
        ];
}
