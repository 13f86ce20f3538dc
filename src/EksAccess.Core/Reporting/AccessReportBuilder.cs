using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Risks;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Reporting;

/// <summary>Builds the report's data: the access matrix of the common actions with each allowing decision's explanation.</summary>
public static class AccessReportBuilder
{
    public static AccessReport Build(AccessModel model, string title, RiskReport? risks, IReadOnlyDictionary<string, int>? auditRequests, IReadOnlyList<string>? principalArns = null, IReadOnlyList<string>? namespaces = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        // The matrix picks the principals and namespaces (as matrix does); the decisions are asked here, with their explanations.
        var matrix = AccessMatrix.Compute(model, principalArns, namespaces, actions: []) with { Actions = [.. MatrixAction.Common] };
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var requests = matrix.Namespaces.Select(ns => matrix.Actions.Select(a => Request(a, ns)).ToArray()).ToArray();
        var principals = ImmutableArray.CreateBuilder<ReportPrincipal>(matrix.Principals.Length);
        var masks = new Dictionary<int, int>();
        foreach (var principal in matrix.Principals)
        {
            var mapped = principal.Resolution as IdentityResolution.Mapped;
            var subject = mapped is null ? null : new AuthorizationSubject(mapped.ToUserInfo(), mapped.Entry?.AssociatedAccessPolicies ?? []);
            var cells = ImmutableArray.CreateBuilder<string>(matrix.Namespaces.Length);
            for (var n = 0; n < matrix.Namespaces.Length; n++)
            {
                masks.Clear();
                for (var a = 0; subject is not null && a < matrix.Actions.Length; a++)
                {
                    var decision = model.Authorizer.Authorize(subject, requests[n][a]);
                    if (decision.Allowed)
                    {
                        var explanation = decision.Explain();
                        if (!reasons.TryGetValue(explanation, out var r))
                        {
                            r = reasons.Count;
                            reasons.Add(explanation, r);
                        }

                        masks[r] = masks.GetValueOrDefault(r) | (1 << a);
                    }
                }

                cells.Add(Encode(masks));
            }

            var usage = auditRequests is null ? (int?)null
                : auditRequests.GetValueOrDefault(principal.PrincipalArn) + (mapped is null ? 0 : auditRequests.GetValueOrDefault(mapped.Username));
            principals.Add(new ReportPrincipal(principal.PrincipalArn, mapped?.Username, mapped?.Groups ?? [], Chain(principal, mapped), cells.MoveToImmutable()) { AuditRequests = usage });
        }

        return new AccessReport(title, matrix.Namespaces, matrix.Actions, principals.MoveToImmutable(), [.. reasons.OrderBy(kv => kv.Value).Select(kv => kv.Key)], risks)
        {
            HasAudit = auditRequests is not null,
        };
    }

    private static ImmutableArray<string> Chain(MatrixPrincipal principal, IdentityResolution.Mapped? mapped)
    {
        if (mapped is null)
        {
            return [principal.PrincipalArn, principal.Resolution is IdentityResolution.Rejected rejected ? $"rejected: {rejected.Reason}" : "not mapped"];
        }

        var chain = ImmutableArray.CreateBuilder<string>();
        chain.Add(principal.PrincipalArn);
        chain.Add(mapped.MatchedBy);
        chain.Add($"username \"{mapped.Username}\", groups [{string.Join(", ", mapped.Groups)}]");
        foreach (var policy in mapped.Entry?.AssociatedAccessPolicies ?? [])
        {
            var scope = policy.AccessScope.IsCluster ? "cluster scope" : $"namespace scope: {string.Join(", ", policy.AccessScope.Namespaces)}";
            chain.Add($"access policy {AccessPolicyCatalog.NameOf(policy.PolicyArn)} ({scope})");
        }

        return chain.ToImmutable();
    }

    private static string Encode(Dictionary<int, int> masks)
    {
        if (masks.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var (reason, mask) in masks.OrderBy(kv => kv.Key))
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(reason.ToString(CultureInfo.InvariantCulture)).Append('@').Append(mask.ToString("x", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    // As AccessMatrix asks: the Namespace object lives in itself, so "delete namespaces" in column N asks about N.
    private static AccessRequest Request(MatrixAction action, string @namespace) =>
        action.ApiGroup.Length == 0 && string.Equals(action.Resource, "namespaces", StringComparison.Ordinal)
            ? AccessRequest.ForResource(action.Verb, "", "namespaces", action.Subresource, @namespace, @namespace)
            : action.In(@namespace);
}
