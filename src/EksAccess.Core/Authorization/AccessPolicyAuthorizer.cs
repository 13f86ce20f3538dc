using System.Collections.Immutable;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Authorization;

/// <summary>
/// The EKS access-policy authorizer: the rules of every access policy associated with the principal's access entry,
/// each within its own scope, matched with RBAC's rule matching. Policies only allow.
/// <list type="bullet">
/// <item>Scope <c>cluster</c>: applies to every request — every namespace, cluster-scoped resources, all-namespaces
/// requests and non-resource URLs.</item>
/// <item>Scope <c>namespace</c>: applies only when the request namespace is non-empty and equals a listed namespace,
/// or matches a listed <c>prefix*</c> wildcard (non-empty prefix, one trailing <c>*</c>: <c>dev-*</c> matches
/// <c>dev-a</c> and <c>dev-</c>). Never cluster-scoped resources, all-namespaces requests or paths.</item>
/// </list>
/// UNSURE points, decided towards deny (docs/decisions/authz-access-policy-scope.md): a bare <c>*</c>, or a <c>*</c>
/// anywhere but at the end, matches no namespace; a namespace-scoped policy does not grant the Namespace object itself
/// (core <c>namespaces</c> and its subresources, whose requests carry namespace = name); an unknown scope type grants
/// nothing.
/// </summary>
public static class AccessPolicyAuthorizer
{
    /// <summary>An allowed decision naming the policy, scope and rule; null when no associated policy allows the request.</summary>
    public static Decision? Authorize(ImmutableArray<AssociatedAccessPolicy> policies, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (policies.IsDefaultOrEmpty)
        {
            return null;
        }

        foreach (var association in policies)
        {
            if (!ScopeApplies(association.AccessScope, request)
                || !AccessPolicyCatalog.TryGet(association.PolicyArn, out var policy))
            {
                continue;
            }

            for (var i = 0; i < policy.Rules.Length; i++)
            {
                if (RuleMatcher.RuleAllows(policy.Rules[i], request))
                {
                    return Decision.Allow(new AccessPolicyReason(association.PolicyArn, association.AccessScope, i, policy.Rules[i]));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Notes for a request no policy allowed: associated policies that could have applied but whose rules are unknown
    /// offline (unknown ARN, or rules not published by AWS), and namespace-scoped policies whose rules would match the
    /// Namespace object itself (an unverified EKS behaviour this model denies).
    /// </summary>
    public static ImmutableArray<string> NotesFor(ImmutableArray<AssociatedAccessPolicy> policies, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (policies.IsDefaultOrEmpty)
        {
            return [];
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        foreach (var association in policies)
        {
            var name = AccessPolicyCatalog.NameOf(association.PolicyArn);
            if (!AccessPolicyCatalog.TryGet(association.PolicyArn, out var policy))
            {
                if (ScopeApplies(association.AccessScope, request))
                {
                    notes.Add($"{name}: unknown access policy; it grants nothing offline");
                }

                continue;
            }

            if (!policy.RulesPublished)
            {
                if (ScopeApplies(association.AccessScope, request))
                {
                    notes.Add($"{name}: rules not published by AWS; it grants nothing offline");
                }

                continue;
            }

            if (IsNamespaceObject(request)
                && !association.AccessScope.IsCluster
                && NamespaceListed(association.AccessScope, request.Namespace)
                && policy.Rules.Any(rule => RuleMatcher.RuleAllows(rule, request)))
            {
                notes.Add($"{name}: not assumed to grant the Namespace object {request.Namespace} itself with namespace scope (unverified EKS behaviour)");
            }
        }

        return notes.ToImmutable();
    }

    /// <summary>Whether an association's scope covers the request (see the type's remarks).</summary>
    public static bool ScopeApplies(AccessScope scope, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        if (scope.IsCluster)
        {
            return true;
        }

        if (!string.Equals(scope.Type, AccessScope.NamespaceType, StringComparison.Ordinal) || request.Path is not null || IsNamespaceObject(request))
        {
            return false;
        }

        return NamespaceListed(scope, request.Namespace);
    }

    /// <summary>Exact name, or a <c>prefix*</c> wildcard with a non-empty prefix; never an empty namespace.</summary>
    public static bool NamespaceMatches(string pattern, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(@namespace);
        if (@namespace.Length == 0)
        {
            return false;
        }

        if (string.Equals(pattern, @namespace, StringComparison.Ordinal))
        {
            return true;
        }

        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        return star > 0
            && star == pattern.Length - 1
            && @namespace.StartsWith(pattern.AsSpan(0, star), StringComparison.Ordinal);
    }

    private static bool NamespaceListed(AccessScope scope, string @namespace)
    {
        if (@namespace.Length == 0 || scope.Namespaces.IsDefault)
        {
            return false;
        }

        foreach (var pattern in scope.Namespaces)
        {
            if (NamespaceMatches(pattern, @namespace))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNamespaceObject(AccessRequest request) =>
        request.Path is null
        && request.ApiGroup.Length == 0
        && string.Equals(request.Resource, "namespaces", StringComparison.Ordinal)
        && request.Namespace.Length > 0;
}
