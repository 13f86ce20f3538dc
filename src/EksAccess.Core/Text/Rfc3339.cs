using System.Globalization;

namespace EksAccess.Core.Text;

/// <summary>
/// RFC 3339 timestamps as access.yaml and the <c>eksaccess.io/expires*</c> tags write them: a full date and time with an
/// explicit offset (<c>Z</c> or <c>±hh:mm</c>), read into UTC. A date alone or a time without offset is refused, so an
/// expiry never depends on the machine's time zone.
/// </summary>
public static class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd't'HH:mm:ssK", "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || (trimmed.Length > 6 && trimmed[^6] is '+' or '-' && trimmed[^3] == ':');
        if (!hasOffset)
        {
            return false;
        }

        if (!DateTimeOffset.TryParseExact(trimmed.Replace('z', 'Z'), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>The tag and JSON form: <c>2026-12-01T18:00:00Z</c> (UTC, whole seconds).</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The short form plans print: <c>2026-12-01T18:00Z</c>.</summary>
    public static string Short(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
