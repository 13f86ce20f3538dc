using System.Collections.Immutable;

namespace EksAccess.Core.Authorization;

/// <summary>
/// Matches one <see cref="PolicyRule"/> against a request exactly as kube-apiserver's RBAC authorizer does
/// (rbac.go RuleAllows and the evaluation helpers of rbac/v1): every comparison is ordinal, case-sensitive and
/// literal; only <c>*</c>, <c>*/sub</c> (resources) and a trailing <c>*</c> (non-resource URLs) are patterns.
/// Allocation-free: <c>resource/subresource</c> is compared without building the combined string.
/// </summary>
public static class RuleMatcher
{
    private const string All = "*";

    /// <summary>An entry <c>*</c> matches any verb; otherwise exact. A requested <c>*</c> matches only a <c>*</c> entry.</summary>
    public static bool VerbMatches(PolicyRule rule, string verb)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ContainsOrAll(rule.Verbs, verb);
    }

    /// <summary>An entry <c>*</c> matches every group including core <c>""</c>; otherwise exact.</summary>
    public static bool ApiGroupMatches(PolicyRule rule, string apiGroup)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ContainsOrAll(rule.ApiGroups, apiGroup);
    }

    /// <summary>
    /// The request side is <c>resource</c> or <c>resource/subresource</c>. <c>*</c> matches everything, an exact entry
    /// matches exactly, <c>*/sub</c> matches subresource <c>sub</c> of any resource (never a parent resource).
    /// Nothing else is a pattern: <c>pods/*</c> only equals a request whose subresource is literally <c>*</c>.
    /// </summary>
    public static bool ResourceMatches(PolicyRule rule, string resource, string subresource)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(subresource);
        var resources = rule.Resources;
        if (resources.IsDefault)
        {
            return false;
        }

        for (var i = 0; i < resources.Length; i++)
        {
            var entry = resources[i];
            if (entry.Length == 1 && entry[0] == '*')
            {
                return true;
            }

            if (subresource.Length == 0)
            {
                if (string.Equals(entry, resource, StringComparison.Ordinal))
                {
                    return true;
                }

                continue;
            }

            // entry == resource + "/" + subresource
            if (entry.Length == resource.Length + 1 + subresource.Length
                && entry[resource.Length] == '/'
                && entry.StartsWith(resource, StringComparison.Ordinal)
                && entry.EndsWith(subresource, StringComparison.Ordinal))
            {
                return true;
            }

            // entry == "*/" + subresource
            if (entry.Length == subresource.Length + 2
                && entry[0] == '*' && entry[1] == '/'
                && entry.EndsWith(subresource, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Empty resourceNames → every name (and nameless requests). Otherwise the request name must equal an entry,
    /// so a nameless request (create on a collection, plain list/watch, deletecollection) never matches a rule
    /// whose names are real names. (Upstream compares strings only, so an entry <c>""</c> does equal a nameless request; kept, see
    /// docs/decisions/authz-rbac-evaluation-details.md.)
    /// </summary>
    public static bool ResourceNameMatches(PolicyRule rule, string name)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var names = rule.ResourceNames;
        if (names.IsDefaultOrEmpty)
        {
            return true;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An entry matches if it is <c>*</c>, equals the path, or ends in <c>*</c> and the path starts with the entry
    /// minus all its trailing <c>*</c>s. A <c>*</c> anywhere else is literal.
    /// </summary>
    public static bool NonResourceUrlMatches(PolicyRule rule, string path)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(path);
        var urls = rule.NonResourceUrls;
        if (urls.IsDefault)
        {
            return false;
        }

        for (var i = 0; i < urls.Length; i++)
        {
            var entry = urls[i];
            if (entry.Length == 1 && entry[0] == '*')
            {
                return true;
            }

            if (string.Equals(entry, path, StringComparison.Ordinal))
            {
                return true;
            }

            if (entry.Length > 0 && entry[^1] == '*')
            {
                var prefix = entry.AsSpan().TrimEnd('*');
                if (path.AsSpan().StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A resource request is allowed iff verb ∧ apiGroup ∧ resource ∧ resourceName match; a non-resource request
    /// iff verb ∧ path match.
    /// </summary>
    public static bool RuleAllows(PolicyRule rule, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path is { } path)
        {
            return VerbMatches(rule, request.Verb) && NonResourceUrlMatches(rule, path);
        }

        return VerbMatches(rule, request.Verb)
            && ApiGroupMatches(rule, request.ApiGroup)
            && ResourceMatches(rule, request.Resource, request.Subresource)
            && ResourceNameMatches(rule, request.Name);
    }

    private static bool ContainsOrAll(ImmutableArray<string> entries, string value)
    {
        if (entries.IsDefault)
        {
            return false;
        }

        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if ((entry.Length == 1 && entry[0] == '*') || string.Equals(entry, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
