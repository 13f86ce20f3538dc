using System.Collections.Immutable;

namespace EksAccess.Core.Risks;

/// <summary>
/// One finding: a rule that fires for a Kubernetes subject in a namespace ("" = cluster-wide or not namespaced), every
/// IAM principal that reaches the subject (<see cref="Paths"/>, one per principal) and the chain of the first one down to
/// the rule (<see cref="Chain"/>). <see cref="Location"/> is <c>file:line:column</c> when the finding comes from a
/// file (the access config, or the snapshot's aws-auth). <see cref="IsSystem"/>: about the cluster's own principals.
/// </summary>
public sealed record RiskFinding(
    string Id,
    RiskSeverity Severity,
    string Message,
    string Fix,
    RiskSubject? Subject,
    string Namespace,
    ImmutableArray<PrincipalPath> Paths,
    ImmutableArray<string> Chain)
{
    public string? Location { get; init; }

    public bool IsSystem { get; init; }

    public IEnumerable<string> IamPrincipals => Paths.Select(p => p.PrincipalArn);
}
