using EksAccess.Core.Audit;

namespace EksAccess.Aws.Audit;

/// <summary>What to pull from <c>/aws/eks/&lt;cluster&gt;/cluster</c>: the streams (by prefix), the window, and a server-side
/// filter pattern (an optimisation only: callers filter again, since a pattern can miss nothing it should keep only if
/// CloudWatch honours it, and moto does not).</summary>
public sealed record AuditLogQuery(string Cluster, AuditWindow Window)
{
    public const string AuditStreamPrefix = "kube-apiserver-audit";
    public const string AuthenticatorStreamPrefix = "authenticator";

    public string StreamPrefix { get; init; } = AuditStreamPrefix;

    public string? FilterPattern { get; init; }

    /// <summary>FilterLogEvents <c>limit</c> (1–10,000); null for the service default (10,000).</summary>
    public int? PageLimit { get; init; }

    public string LogGroupName => $"/aws/eks/{Cluster}/cluster";
}
