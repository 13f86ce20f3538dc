using System.Globalization;
using System.Text.Json;

namespace EksAccess.Core.Tokens;

/// <summary>A token in the on-disk cache: the token and when it was signed (its X-Amz-Date).</summary>
public sealed record CachedEksToken(string Token, DateTimeOffset SignedAt)
{
    private const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    public DateTimeOffset ExpirationTimestamp => EksTokenLifetime.ExpirationFor(SignedAt);

    public string ToJson() =>
        "{\"version\":1,\"signedAt\":\"" + SignedAt.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture)
        + "\",\"token\":\"" + Token + "\"}\n";

    /// <summary>Reads a cache file's text; null for anything that is not a well-formed version-1 entry holding an EKS token.</summary>
    public static CachedEksToken? TryParse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1
                || !root.TryGetProperty("signedAt", out var signedAt) || signedAt.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var text = token.GetString()!;
            if (!text.StartsWith(EksToken.Prefix, StringComparison.Ordinal) || text.Length > EksToken.MaxLength
                || !DateTimeOffset.TryParseExact(signedAt.GetString(), TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signed))
            {
                return null;
            }

            return new CachedEksToken(text, signed);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"CachedEksToken {{ SignedAt = {SignedAt:O}, Token = *** }}";
}
