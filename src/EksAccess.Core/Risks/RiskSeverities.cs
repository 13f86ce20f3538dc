namespace EksAccess.Core.Risks;

/// <summary>The wire names of <see cref="RiskSeverity"/> (lower case, as SARIF tools and the CLI flags spell them).</summary>
public static class RiskSeverities
{
    public static IReadOnlyList<string> Names { get; } = ["low", "medium", "high", "critical"];

    public static string Name(this RiskSeverity severity) => Names[(int)severity];

    public static bool TryParse(string? text, out RiskSeverity severity)
    {
        var index = text is null ? -1 : Names.ToList().IndexOf(text.ToLowerInvariant());
        severity = index < 0 ? RiskSeverity.Low : (RiskSeverity)index;
        return index >= 0;
    }
}
