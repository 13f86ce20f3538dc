using System.Globalization;
using System.Text;

namespace EksAccess.Core.Rendering;

/// <summary>
/// Terraform names (resource names, map keys) from object names: characters other than [A-Za-z0-9_-] become '_', a
/// name that does not start with a letter or '_' gets an <c>r_</c> prefix, and a clash within one scope (a resource
/// type, a map) gets <c>_2</c>, <c>_3</c>, … in claim order. Deterministic for a given claim order.
/// </summary>
internal sealed class HclNames
{
    private readonly Dictionary<string, HashSet<string>> _used = new(StringComparer.Ordinal);

    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 2);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        if (builder.Length == 0 || !(char.IsAsciiLetter(builder[0]) || builder[0] == '_'))
        {
            builder.Insert(0, "r_");
        }

        return builder.ToString();
    }

    /// <summary>A name unique within <paramref name="scope"/>.</summary>
    public string Claim(string scope, string name)
    {
        if (!_used.TryGetValue(scope, out var used))
        {
            used = new HashSet<string>(StringComparer.Ordinal);
            _used.Add(scope, used);
        }

        var stem = Sanitize(name);
        var candidate = stem;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = stem + "_" + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
