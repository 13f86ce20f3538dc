using System.Collections.Immutable;

namespace EksAccess.Core.Reporting;

/// <summary>
/// One row of the report: the ARN, who it becomes (null username: rejected, with <see cref="Chain"/> saying why), the
/// chain from IAM to Kubernetes identity and access policies, and its cells: per namespace, the decisions of the common
/// actions encoded as <c>reason@mask</c> pairs (see <see cref="AccessReport"/>).
/// </summary>
public sealed record ReportPrincipal(string Arn, string? Username, ImmutableArray<string> Groups, ImmutableArray<string> Chain, ImmutableArray<string> Cells)
{
    /// <summary>Requests the audit log shows for it (null: no log given).</summary>
    public int? AuditRequests { get; init; }
}
