using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Evaluation;

/// <summary>Principals × namespaces × actions. <see cref="Allowed"/>[p][n][a] is the decision; a rejected principal is all false.</summary>
public sealed record AccessMatrix(
    ImmutableArray<MatrixPrincipal> Principals,
    ImmutableArray<string> Namespaces,
    ImmutableArray<MatrixAction> Actions,
    bool[][][] Allowed)
{
    public static AccessMatrix Compute(AccessModel model, IReadOnlyList<string>? principalArns, IReadOnlyList<string>? namespaces, IReadOnlyList<MatrixAction>? actions, string? sessionName = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var principals = principalArns is null
            ? model.Identities.KnownPrincipals().Where(p => p.Status == KnownPrincipalStatus.Active).Select(p => new MatrixPrincipal(p.Principal, p.Resolution)).ToImmutableArray()
            : [.. principalArns.Select(arn => new MatrixPrincipal(arn, model.Identities.Resolve(arn, sessionName)))];
        var nsList = namespaces is null
            // default and kube-system exist on every cluster (and are where people are most often refused), as onboard shows them.
            ? [.. model.Snapshot.Namespaces.Select(n => n.Name).Concat(["default", "kube-system"]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : namespaces.ToImmutableArray();
        var actionList = (actions ?? MatrixAction.Common).ToImmutableArray();

        // The Namespace object lives in itself (RequestInfo), so "delete namespaces" in column N asks about N.
        var requests = nsList.Select(ns => actionList.Select(a => Request(a, ns)).ToArray()).ToArray();
        var allowed = new bool[principals.Length][][];
        for (var p = 0; p < principals.Length; p++)
        {
            allowed[p] = new bool[nsList.Length][];
            AuthorizationSubject? subject = principals[p].Resolution is IdentityResolution.Mapped mapped
                ? new AuthorizationSubject(new UserInfo(mapped.Username, mapped.Groups), mapped.Entry?.AssociatedAccessPolicies ?? [])
                : null;
            for (var n = 0; n < nsList.Length; n++)
            {
                var row = new bool[actionList.Length];
                if (subject is not null)
                {
                    for (var a = 0; a < actionList.Length; a++)
                    {
                        row[a] = model.Authorizer.Authorize(subject, requests[n][a]).Allowed;
                    }
                }

                allowed[p][n] = row;
            }
        }

        return new AccessMatrix(principals, nsList, actionList, allowed);
    }

    private static AccessRequest Request(MatrixAction action, string @namespace) =>
        action.ApiGroup.Length == 0 && string.Equals(action.Resource, "namespaces", StringComparison.Ordinal)
            ? AccessRequest.ForResource(action.Verb, "", "namespaces", action.Subresource, @namespace, @namespace)
            : action.In(@namespace);
}
