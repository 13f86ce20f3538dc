using System.Collections.Immutable;
using EksAccess.Core.Audit;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// Who is rightsized: IAM principals (their access entries' policies and the RBAC subjects they map to), Kubernetes
/// usernames (a service account's <c>system:serviceaccount:ns:name</c>) and groups (a team's kubernetesGroup,
/// <c>system:serviceaccounts:ns</c>). <see cref="Name"/> labels the output and names the suggested objects.
/// </summary>
public sealed record RightsizeSubject
{
    public const string ServiceAccountPrefix = "system:serviceaccount:";

    public required string Name { get; init; }

    /// <summary>Canonical IAM ARNs whose audit events and access policies belong to the subject.</summary>
    public ImmutableArray<string> PrincipalArns { get; init; } = [];

    /// <summary>Kubernetes usernames whose events and User/ServiceAccount binding subjects belong to the subject.</summary>
    public ImmutableArray<string> Usernames { get; init; } = [];

    /// <summary>Kubernetes groups whose members' events and Group binding subjects belong to the subject.</summary>
    public ImmutableArray<string> Groups { get; init; } = [];

    /// <summary>Whether an audit event was made by the subject.</summary>
    public bool Matches(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (Usernames.Contains(auditEvent.Username, StringComparer.Ordinal))
        {
            return true;
        }

        if (!auditEvent.Groups.IsDefaultOrEmpty && !Groups.IsEmpty)
        {
            foreach (var group in auditEvent.Groups)
            {
                if (Groups.Contains(group, StringComparer.Ordinal))
                {
                    return true;
                }
            }
        }

        if (PrincipalArns.IsEmpty || auditEvent.PrincipalArn is null || AuditIdentity.Key(auditEvent.PrincipalArn) is not { } key)
        {
            return false;
        }

        foreach (var arn in PrincipalArns)
        {
            if (string.Equals(AuditIdentity.Key(arn), key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a binding subject (in a binding of <paramref name="bindingNamespace"/>, "" for a ClusterRoleBinding) is the subject's own.</summary>
    public bool Owns(Subject subject, string bindingNamespace)
    {
        ArgumentNullException.ThrowIfNull(subject);
        switch (subject.Kind)
        {
            case Subject.UserKind:
                return Usernames.Contains(subject.Name, StringComparer.Ordinal);
            case Subject.GroupKind:
                return Groups.Contains(subject.Name, StringComparer.Ordinal);
            case Subject.ServiceAccountKind:
                var ns = subject.Namespace.Length > 0 ? subject.Namespace : bindingNamespace;
                return ns.Length > 0 && Usernames.Contains(ServiceAccountPrefix + ns + ":" + subject.Name, StringComparer.Ordinal);
            default:
                return false;
        }
    }
}
