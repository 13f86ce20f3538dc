using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAccess.Aws.Json;

/// <summary>
/// AWS JSON timestamps: seconds since the epoch, fractional (rest-json and JSON 1.1 default). Reading also accepts
/// ISO 8601 strings. Values are UTC <see cref="DateTime"/>s, as in the AWS SDK.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var seconds = reader.GetDecimal();
            return DateTime.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString() ?? "";
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var numeric))
            {
                return DateTime.UnixEpoch.AddTicks((long)decimal.Round(numeric * TimeSpan.TicksPerSecond));
            }

            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }

        throw new JsonException($"expected a timestamp, found {reader.TokenType}");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var seconds = (decimal)(utc - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond;
        writer.WriteNumberValue(decimal.Round(seconds, 3));
    }
}
