namespace EksAccess.Core.Risks;

/// <summary>
/// The cluster's own principals: Kubernetes' <c>system:</c> users and groups (controllers, nodes, bootstrappers) and
/// EKS's <c>eks:</c> ones. Their findings are folded by default (docs/decisions/risks.md), never dropped.
/// </summary>
public static class SystemNames
{
    public static bool IsSystem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith("system:", StringComparison.Ordinal) || name.StartsWith("eks:", StringComparison.Ordinal);
    }

    /// <summary>A finding about a system subject, unless an IAM principal that is not a node or EKS itself reaches it.</summary>
    public static bool IsSystem(RiskFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Id is "R-ANON" or "R-MASTERS" or "E-MASTERS-MAP")
        {
            return false; // about everyone, or about people put into a system group: never the cluster's own doing
        }

        if (finding.Subject is not { } subject)
        {
            return false;
        }

        var systemSubject = string.Equals(subject.Kind, "ServiceAccount", StringComparison.Ordinal)
            ? string.Equals(subject.Namespace, "kube-system", StringComparison.Ordinal)
            : IsSystem(subject.Name);
        return systemSubject && finding.Paths.All(p => p.Steps.Any(s => s.Contains("username \"system:", StringComparison.Ordinal) || s.Contains("username \"eks:", StringComparison.Ordinal)));
    }
}
