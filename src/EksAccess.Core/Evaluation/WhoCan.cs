using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Evaluation;

/// <summary>
/// Reverse lookup: everyone who may perform a request. Kubernetes subjects come from the RBAC bindings (plus the
/// system:masters group, which no binding is needed for); IAM principals are every principal the snapshot maps
/// (access entries, aws-auth), each authenticated and authorized exactly as a forward check would.
/// </summary>
public static class WhoCan
{
    public static ImmutableArray<WhoCanEntry> Find(AccessModel model, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var entries = ImmutableArray.CreateBuilder<WhoCanEntry>();
        foreach (var principal in model.Identities.KnownPrincipals().Where(p => p.Status == KnownPrincipalStatus.Active))
        {
            // Resolved as whoami resolves it (a token's session, templates rendered): a mapping whose username EKS
            // cannot render for a caller (a node role's {{EC2PrivateDNSName}} outside EC2) admits nobody, so it is not listed.
            if (principal.Resolution is not IdentityResolution.Mapped || model.Identities.Resolve(principal.Principal) is not IdentityResolution.Mapped mapped)
            {
                continue;
            }

            var subject = new AuthorizationSubject(new UserInfo(mapped.Username, mapped.Groups), mapped.Entry?.AssociatedAccessPolicies ?? []);
            var decision = model.Authorizer.Authorize(subject, request);
            if (decision.Allowed)
            {
                entries.Add(new WhoCanEntry(WhoCanEntry.IamPrincipalKind, principal.Principal, "", $"as \"{mapped.Username}\" ({mapped.MatchedBy}): {decision.Explain()}"));
            }
        }

        entries.Add(new WhoCanEntry(Subject.GroupKind, "system:masters", "", "privileged group: allowed before RBAC, cannot be revoked by RBAC"));
        foreach (var grant in model.Authorizer.Rbac.SubjectsAllowed(request))
        {
            if (string.Equals(grant.Subject.Kind, Subject.GroupKind, StringComparison.Ordinal) && string.Equals(grant.Subject.Name, "system:masters", StringComparison.Ordinal))
            {
                continue; // listed once above: it needs no binding, so the cluster-admin binding adds nothing.
            }

            entries.Add(new WhoCanEntry(grant.Subject.Kind, grant.Subject.Name, grant.Subject.Namespace, grant.Via.Explain()));
        }

        return [.. entries
            .Distinct()
            .OrderBy(e => KindOrder(e.Kind))
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Namespace, StringComparer.Ordinal)
            .ThenBy(e => e.Via, StringComparer.Ordinal)];
    }

    private static int KindOrder(string kind) => kind switch
    {
        WhoCanEntry.IamPrincipalKind => 0,
        Subject.UserKind => 1,
        Subject.GroupKind => 2,
        _ => 3,
    };
}
