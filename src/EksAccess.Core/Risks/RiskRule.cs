using System.Collections.Immutable;

namespace EksAccess.Core.Risks;

/// <summary>
/// One Kubernetes escalation rule (docs/reference/risk-rules.md): it fires for a subject when, for every group of
/// <see cref="AllOf"/>, the evaluator allows at least one of its probes. <see cref="Severity"/> applies in an ordinary
/// namespace, <see cref="PrivilegedSeverity"/> cluster-wide and in kube-system (rbac-police's "privileged namespace").
/// <see cref="OnlyNamespace"/> limits a rule to one namespace (kube-system for aws-auth, coredns, token secrets).
/// </summary>
public sealed record RiskRule(
    string Id,
    RiskSeverity Severity,
    RiskSeverity PrivilegedSeverity,
    string Message,
    string Fix,
    ImmutableArray<ImmutableArray<RiskProbe>> AllOf)
{
    public const string PrivilegedNamespace = "kube-system";

    public string? OnlyNamespace { get; init; }

    /// <summary>Not evaluated when the cluster ignores aws-auth (authenticationMode API).</summary>
    public bool NeedsAwsAuth { get; init; }

    public RiskSeverity SeverityIn(string @namespace) =>
        @namespace.Length == 0 || string.Equals(@namespace, PrivilegedNamespace, StringComparison.Ordinal) ? PrivilegedSeverity : Severity;
}
