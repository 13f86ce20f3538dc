using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccess.Testing.Aws;

/// <summary>
/// The audit half of the fake: CloudTrail records added whole (LookupEvents derives its summary fields from them), and
/// CloudWatch Logs FilterLogEvents for the log groups registered here (others go to moto). Like moto, it ignores
/// filterPattern, so clients must filter again; it honours logStreamNamePrefix, startTime/endTime (ms), limit and
/// nextToken, and can answer a number of empty pages that still carry a nextToken, as the real service may.
/// </summary>
public sealed partial class AwsFake
{
    private readonly Dictionary<string, FakeLogGroup> _logGroups = new(StringComparer.Ordinal);

    /// <summary>Adds a full CloudTrail record (the CloudTrailEvent JSON); the summary fields come from it.</summary>
    public void AddCloudTrailRecord(JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var time = DateTime.Parse((string)record["eventTime"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var identity = record["userIdentity"] as JsonObject;
        var arn = (string?)identity?["arn"];
        lock (_gate)
        {
            _cloudTrailEvents.Add(new JsonObject
            {
                ["EventId"] = (string?)record["eventID"] ?? Guid.NewGuid().ToString(),
                ["EventName"] = (string?)record["eventName"],
                ["ReadOnly"] = "false",
                ["AccessKeyId"] = (string?)identity?["accessKeyId"],
                ["EventTime"] = (time - DateTime.UnixEpoch).TotalSeconds,
                ["EventSource"] = (string?)record["eventSource"],
                ["Username"] = arn?[(arn.LastIndexOf('/') + 1)..],
                ["Resources"] = new JsonArray(),
                ["CloudTrailEvent"] = record.ToJsonString(),
            });
        }
    }

    /// <summary>Serves FilterLogEvents for <paramref name="group"/> from these events (stream, ms timestamp, message).</summary>
    public void AddLogGroup(string group, IEnumerable<(string Stream, long Timestamp, string Message)> events, int emptyPagesFirst = 0)
    {
        lock (_gate)
        {
            _logGroups[group] = new FakeLogGroup([.. events.OrderBy(e => e.Timestamp)], emptyPagesFirst);
        }
    }

    private FakeResponse? HandleLogs(RecordedRequest request)
    {
        if (!string.Equals(request.Header("X-Amz-Target"), "Logs_20140328.FilterLogEvents", StringComparison.Ordinal))
        {
            return null;
        }

        using var input = JsonDocument.Parse(request.Body);
        var root = input.RootElement;
        var name = root.TryGetProperty("logGroupName", out var g) ? g.GetString() : null;
        FakeLogGroup? group;
        lock (_gate)
        {
            if (name is null || !_logGroups.TryGetValue(name, out group))
            {
                return null;
            }
        }

        var prefix = root.TryGetProperty("logStreamNamePrefix", out var p) ? p.GetString() ?? "" : "";
        var start = root.TryGetProperty("startTime", out var s) ? s.GetInt64() : long.MinValue;
        var end = root.TryGetProperty("endTime", out var e) ? e.GetInt64() : long.MaxValue;
        var limit = root.TryGetProperty("limit", out var l) ? l.GetInt32() : 10_000;
        if (limit is < 1 or > 10_000)
        {
            return new FakeResponse(400, """{"__type":"InvalidParameterException","message":"limit must be between 1 and 10000"}""", ContentType: "application/x-amz-json-1.1");
        }

        var token = root.TryGetProperty("nextToken", out var t) ? t.GetString()! : "0:0";
        var parts = token.Split(':');
        var empties = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var offset = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var body = new StringBuilder("{\"events\":[");
        string? next;
        if (empties < group.EmptyPagesFirst)
        {
            next = $"{empties + 1}:{offset}";
        }
        else
        {
            var taken = 0;
            var index = offset;
            while (index < group.Events.Length && taken < limit)
            {
                var item = group.Events[index++];
                if (item.Timestamp < start || item.Timestamp > end || !item.Stream.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                if (taken++ > 0)
                {
                    body.Append(',');
                }

                body.Append("{\"logStreamName\":").Append(JsonSerializer.Serialize(item.Stream))
                    .Append(",\"timestamp\":").Append(item.Timestamp.ToString(CultureInfo.InvariantCulture))
                    .Append(",\"message\":").Append(JsonSerializer.Serialize(item.Message))
                    .Append(",\"ingestionTime\":").Append(item.Timestamp.ToString(CultureInfo.InvariantCulture))
                    .Append(",\"eventId\":\"").Append(index.ToString(CultureInfo.InvariantCulture)).Append("\"}");
            }

            next = index < group.Events.Length ? $"{empties}:{index}" : null;
        }

        body.Append("],\"searchedLogStreams\":[]");
        if (next is not null)
        {
            body.Append(",\"nextToken\":\"").Append(next).Append('"');
        }

        return new FakeResponse(200, body.Append('}').ToString(), ContentType: "application/x-amz-json-1.1");
    }

    private sealed record FakeLogGroup((string Stream, long Timestamp, string Message)[] Events, int EmptyPagesFirst);
}
