using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using EksAccess.Core.Identity;
using EksAccess.Core.Text;

namespace EksAccess.Core.Desired;

/// <summary>
/// How an expiry is recorded on an EKS access entry (docs/decisions/expiry.md). The entry itself:
/// <c>eksaccess.io/expires-at=2026-12-01T18:00:00Z</c>. Associations have no ARN and take no tags, so the expiry of an
/// association is a tag on its entry: <c>eksaccess.io/expires.&lt;policy name&gt;.&lt;scope hash&gt;</c>, the scope hash
/// being the first 12 hex digits of SHA-256 over the canonical scope (<c>cluster</c>, or <c>namespace:a,b</c> sorted).
/// A grant also records <c>eksaccess.io/reason</c> and <c>eksaccess.io/granted-by</c>. Keys stay within EKS's 128
/// characters and values within 256 of the allowed set (letters, digits, spaces and <c>+ - = . _ : / @</c>).
/// </summary>
public static class ExpiryTags
{
    public const string ExpiresAtKey = "eksaccess.io/expires-at";
    public const string PolicyKeyPrefix = "eksaccess.io/expires.";
    public const string ReasonKey = "eksaccess.io/reason";
    public const string GrantedByKey = "eksaccess.io/granted-by";

    /// <summary>EKS's TagKey maximum (botocore eks TagKey, max 128).</summary>
    public const int MaxKeyLength = 128;

    /// <summary>EKS's TagValue maximum (botocore eks TagValue, max 256).</summary>
    public const int MaxValueLength = 256;

    private const int HashLength = 12;

    /// <summary>Whether the key is one of the expiry records (entry or association) eksaccess writes.</summary>
    public static bool IsExpiryKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Equals(key, ExpiresAtKey, StringComparison.Ordinal) || key.StartsWith(PolicyKeyPrefix, StringComparison.Ordinal);
    }

    /// <summary>The tag key recording when the association of <paramref name="policyArn"/> with <paramref name="scope"/> expires.</summary>
    public static string PolicyKey(string policyArn, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(policyArn);
        ArgumentNullException.ThrowIfNull(scope);
        var name = PolicyName(policyArn);
        var key = $"{PolicyKeyPrefix}{name}.{ScopeHash(scope)}";
        // An access-policy name long enough to pass the limit is hashed as well (none is today).
        return key.Length <= MaxKeyLength ? key : $"{PolicyKeyPrefix}{Hash(name)}.{ScopeHash(scope)}";
    }

    /// <summary>The canonical text of a scope: <c>cluster</c>, or <c>namespace:</c> and the distinct namespaces sorted, comma-separated.</summary>
    public static string CanonicalScope(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsCluster
            ? AccessScope.ClusterType
            : $"{AccessScope.NamespaceType}:{string.Join(',', (scope.Namespaces.IsDefault ? [] : scope.Namespaces).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}";
    }

    public static string ScopeHash(AccessScope scope) => Hash(CanonicalScope(scope));

    /// <summary>When the entry expires (<c>eksaccess.io/expires-at</c>); null when it is permanent or the value does not read.</summary>
    public static DateTimeOffset? EntryExpiry(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.TryGetValue(ExpiresAtKey, out var text) && Rfc3339.TryParse(text, out var at) ? at : null;
    }

    /// <summary>When the association expires, by its tag; null when no tag records it.</summary>
    public static DateTimeOffset? PolicyExpiry(IReadOnlyDictionary<string, string> tags, string policyArn, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.TryGetValue(PolicyKey(policyArn, scope), out var text) && Rfc3339.TryParse(text, out var at) ? at : null;
    }

    /// <summary>Every association expiry tag: key, policy name as written in the key, scope hash and time (unreadable times are skipped).</summary>
    public static ImmutableArray<(string Key, string PolicyName, string ScopeHash, DateTimeOffset At)> PolicyExpiries(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var found = ImmutableArray.CreateBuilder<(string Key, string PolicyName, string ScopeHash, DateTimeOffset At)>();
        foreach (var (key, value) in tags.Where(t => t.Key.StartsWith(PolicyKeyPrefix, StringComparison.Ordinal)).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var rest = key[PolicyKeyPrefix.Length..];
            var dot = rest.LastIndexOf('.');
            if (dot > 0 && Rfc3339.TryParse(value, out var at))
            {
                found.Add((key, rest[..dot], rest[(dot + 1)..], at));
            }
        }

        return found.ToImmutable();
    }

    /// <summary>The name part of a policy key for <paramref name="policyArn"/> (the name, or its hash for a very long one).</summary>
    public static string KeyPolicyName(string policyArn)
    {
        var key = PolicyKey(policyArn, AccessScope.Cluster);
        var rest = key[PolicyKeyPrefix.Length..];
        return rest[..rest.LastIndexOf('.')];
    }

    /// <summary>
    /// A tag value from free text: characters EKS refuses in a tag value become <c>_</c>, and it is cut to 256.
    /// </summary>
    public static string Value(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, MaxValueLength));
        foreach (var c in text.Take(MaxValueLength))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is ' ' or '+' or '-' or '=' or '.' or '_' or ':' or '/' or '@' ? c : '_');
        }

        return builder.ToString();
    }

    private static string PolicyName(string policyArn)
    {
        var slash = policyArn.LastIndexOf('/');
        return slash < 0 ? policyArn : policyArn[(slash + 1)..];
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
}
