using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EksAccess.Core.Desired;

/// <summary>
/// Compares IAM policy documents by meaning, not text: what IAM returns differs from what was put in whitespace, key
/// order, URL encoding, a one-element list written as a plain string and the order of list items, and IAM rewrites
/// an account id principal as <c>arn:…:iam::ACCOUNT:root</c>. Two documents are equivalent when their canonical forms
/// are equal: keys sorted, every list of values sorted and de-duplicated with a one-item list equal to the item,
/// statements sorted, account principals written one way.
/// </summary>
public static partial class IamPolicyDocuments
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool AreEquivalent(string? left, string? right)
    {
        var a = Canonical(left);
        var b = Canonical(right);
        return a is not null && b is not null && string.Equals(a, b, StringComparison.Ordinal);
    }

    /// <summary>The canonical one-line form, or null when the text is not a JSON document (even after URL decoding).</summary>
    public static string? Canonical(string? document)
    {
        var node = Parse(document);
        return node is null ? null : Normalize(node, key: null)?.ToJsonString(Compact);
    }

    /// <summary>The document on one line with its keys in their given order (for plan details); the text itself when it is not JSON.</summary>
    public static string OneLine(string? document)
    {
        var node = Parse(document);
        return node is null ? (document ?? "").ReplaceLineEndings(" ") : node.ToJsonString(Compact);
    }

    private static JsonNode? Parse(string? document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            return null;
        }

        var text = document.Trim();
        if (text.StartsWith('%'))
        {
            // IAM answers with URL-encoded documents; a client that did not decode hands them over like this.
            text = Uri.UnescapeDataString(text);
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? Normalize(JsonNode? node, string? key)
    {
        switch (node)
        {
            case JsonObject obj:
                var sorted = new JsonObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    sorted[name] = Normalize(value, name);
                }

                return sorted;
            case JsonArray array:
                var items = array
                    .Select(item => Normalize(item, key))
                    .Select(item => (Text: item?.ToJsonString(Compact) ?? "null", Item: item))
                    .DistinctBy(x => x.Text, StringComparer.Ordinal)
                    .OrderBy(x => x.Text, StringComparer.Ordinal)
                    .ToList();
                if (items.Count == 1)
                {
                    return items[0].Item?.DeepClone();
                }

                return new JsonArray([.. items.Select(x => x.Item?.DeepClone())]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(string.Equals(key, "AWS", StringComparison.Ordinal) ? AccountPrincipal(text) : text);
            case JsonValue value:
                // Numbers and booleans: IAM keeps condition values as given; compare their text.
                return JsonValue.Create(value.ToJsonString(Compact).ToString(CultureInfo.InvariantCulture));
            default:
                return null;
        }
    }

    /// <summary>"111122223333" and "arn:PARTITION:iam::111122223333:root" name the same principal.</summary>
    private static string AccountPrincipal(string principal)
    {
        var match = AccountRoot().Match(principal);
        return match.Success ? $"account:{match.Groups["account"].Value}" : principal;
    }

    [GeneratedRegex(@"^(?:arn:[a-z-]+:iam::)?(?<account>\d{12})(?::root)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountRoot();
}
