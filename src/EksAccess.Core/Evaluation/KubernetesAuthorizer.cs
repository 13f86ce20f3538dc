using EksAccess.Core.Snapshots;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Evaluation;

/// <summary>
/// The authorizer chain of an EKS cluster, in the order EKS runs it: the privileged-group authorizer (groups contain
/// exactly <c>system:masters</c>), then the EKS access policies of the principal's access entry, then RBAC. The first
/// allow decides; nothing denies. (The Node authorizer, which serves only system:nodes, is not modelled.)
/// </summary>
public sealed class KubernetesAuthorizer(RbacAuthorizer rbac)
{
    public RbacAuthorizer Rbac { get; } = rbac ?? throw new ArgumentNullException(nameof(rbac));

    /// <summary>An authorizer over a snapshot, with the Kubernetes default RBAC merged in unless turned off.</summary>
    public static KubernetesAuthorizer ForSnapshot(ClusterSnapshot snapshot, bool includeDefaultRbac = true) =>
        new(RbacAuthorizer.ForSnapshot(snapshot, includeDefaultRbac));

    public Decision Authorize(AuthorizationSubject subject, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(request);
        var user = subject.User;
        if (!user.Groups.IsDefault && user.Groups.Contains(PrivilegedGroupReason.SystemMasters, StringComparer.Ordinal))
        {
            return Decision.Allow(new PrivilegedGroupReason(PrivilegedGroupReason.SystemMasters));
        }

        if (AccessPolicyAuthorizer.Authorize(subject.AccessPolicies, request) is { } allowedByPolicy)
        {
            return allowedByPolicy;
        }

        var decision = Rbac.Authorize(user, request);
        if (decision.Allowed)
        {
            return decision;
        }

        // Denied: say which associated policies could not be evaluated offline.
        var policyNotes = AccessPolicyAuthorizer.NotesFor(subject.AccessPolicies, request);
        return policyNotes.IsEmpty ? decision : decision with { Notes = policyNotes.AddRange(decision.Notes) };
    }
}
