namespace EksAccess.Core.Risks;

/// <summary>How bad a finding is, lowest first (the order <c>--severity-at-least</c> and <c>--fail-on</c> compare).</summary>
public enum RiskSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
