using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAccess.Aws.Json;

/// <summary>
/// Timestamps as the AWS CLI prints them (Python's <c>isoformat()</c> in UTC): <c>2024-05-01T10:00:00.123000+00:00</c>,
/// or without the fraction when it is zero. Reading accepts that and epoch seconds.
/// </summary>
internal sealed class AwsCliTimestampConverter : JsonConverter<DateTime>
{
    private static readonly EpochSecondsConverter Epoch = new();

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Epoch.Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        writer.WriteStringValue(Format(value));
    }

    public static string Format(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var pattern = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff";
        return utc.ToString(pattern, CultureInfo.InvariantCulture) + "+00:00";
    }
}
