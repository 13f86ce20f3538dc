using System.Collections.Immutable;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// The permissions a suggestion must take away when they were held and never used: reading secrets, exec/attach/
/// port-forward (<c>get</c> counts: kubectl upgrades to WebSocket with GET), impersonation, bind/escalate, nodes/proxy
/// (any verb) and anything a <c>*</c> granted (asked with a made-up verb/resource only a wildcard can match).
/// </summary>
public static class SensitivePermissions
{
    public const string WildcardVerb = "eksaccess-any-verb";
    public const string WildcardResource = "eksaccess-any-resource";
    public const string WildcardGroup = "eksaccess.io";

    private static readonly (string Verb, string Group, string Resource, string Subresource)[] Namespaced =
    [
        ("get", "", "secrets", ""),
        ("list", "", "secrets", ""),
        ("watch", "", "secrets", ""),
        ("get", "", "pods", "exec"),
        ("create", "", "pods", "exec"),
        ("get", "", "pods", "attach"),
        ("create", "", "pods", "attach"),
        ("get", "", "pods", "portforward"),
        ("create", "", "pods", "portforward"),
        ("bind", "rbac.authorization.k8s.io", "roles", ""),
        ("escalate", "rbac.authorization.k8s.io", "roles", ""),
        ("impersonate", "", "serviceaccounts", ""),
    ];

    private static readonly (string Verb, string Group, string Resource, string Subresource)[] ClusterOnly =
    [
        ("bind", "rbac.authorization.k8s.io", "clusterroles", ""),
        ("escalate", "rbac.authorization.k8s.io", "clusterroles", ""),
        ("impersonate", "", "users", ""),
        ("impersonate", "", "groups", ""),
        ("get", "", "nodes", "proxy"),
        ("create", "", "nodes", "proxy"),
    ];

    /// <summary>The probes for namespace <paramref name="ns"/> ("" = cluster-wide and all-namespaces requests).</summary>
    public static IEnumerable<AccessRequest> Probes(string ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        foreach (var (verb, group, resource, sub) in Namespaced)
        {
            yield return AccessRequest.ForResource(verb, group, resource, sub, "", ns);
        }

        if (ns.Length == 0)
        {
            foreach (var (verb, group, resource, sub) in ClusterOnly)
            {
                yield return AccessRequest.ForResource(verb, group, resource, sub);
            }
        }
    }

    /// <summary>A request only a rule's <c>*</c> (verb, group or resource) allows; null when the rule has no <c>*</c>.</summary>
    public static AccessRequest? WildcardProbe(PolicyRule rule, string ns)
    {
        ArgumentNullException.ThrowIfNull(rule);
        static bool Star(ImmutableArray<string> values) => !values.IsDefault && values.Contains("*", StringComparer.Ordinal);
        if (rule.Verbs.IsDefaultOrEmpty)
        {
            return null; // no verb: the rule grants nothing
        }

        if (!rule.NonResourceUrls.IsEmpty && rule.Resources.IsEmpty)
        {
            return Star(rule.Verbs) ? AccessRequest.ForPath(WildcardVerb, rule.NonResourceUrls[0].TrimEnd('*') + "eksaccess-probe") : null;
        }

        if ((!Star(rule.Verbs) && !Star(rule.ApiGroups) && !Star(rule.Resources)) || rule.ApiGroups.IsDefaultOrEmpty || rule.Resources.IsDefaultOrEmpty)
        {
            return null;
        }

        var verb = Star(rule.Verbs) ? WildcardVerb : rule.Verbs[0];
        var group = Star(rule.ApiGroups) ? WildcardGroup : rule.ApiGroups.FirstOrDefault() ?? "";
        var resource = Star(rule.Resources) ? WildcardResource : rule.Resources.FirstOrDefault() ?? "";
        var sub = "";
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            sub = resource[(slash + 1)..];
            resource = resource[..slash];
        }

        var name = rule.ResourceNames.IsDefaultOrEmpty ? "" : rule.ResourceNames[0];
        return AccessRequest.ForResource(verb, group, resource, sub, name, ns);
    }
}
