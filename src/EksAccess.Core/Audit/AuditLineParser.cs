using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EksAccess.Core.Audit;

/// <summary>
/// Reads one line of an audit file, whatever the file is:
/// <list type="bullet">
/// <item>a kube-apiserver audit log: one audit.k8s.io/v1 Event per line;</item>
/// <item>what <c>aws logs filter-log-events</c> prints: pretty-printed JSON whose <c>"message": "…"</c> lines each hold one
/// event (the structural lines around them are skipped), or the same document on one line (<c>jq -c</c>), or one
/// <c>events[]</c> item per line (<c>jq -c '.events[]'</c>);</item>
/// <item>aws-iam-authenticator logfmt lines (<c>msg="access granted"</c> becomes a login; other messages are skipped).</item>
/// </list>
/// Each line is parsed on its own, so a file of any size streams and a bad line costs only itself.
/// </summary>
public static class AuditLineParser
{
    private const string DecisionAnnotation = "authorization.k8s.io/decision";
    private const string ReasonAnnotation = "authorization.k8s.io/reason";

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    /// <summary>Parses a UTF-8 line into <paramref name="result"/> (cleared first). The bytes are only read during the call.</summary>
    public static void Parse(ReadOnlyMemory<byte> memory, AuditLine result) => ParseLine(memory, result, fast: true);

    /// <summary>The same without the <see cref="AuditEventReader"/> fast path: every event through JsonDocument (for the tests that hold the two equal).</summary>
    internal static void ParseWithDocument(ReadOnlyMemory<byte> memory, AuditLine result) => ParseLine(memory, result, fast: false);

    private static void ParseLine(ReadOnlyMemory<byte> memory, AuditLine result, bool fast)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Clear();
        memory = Trim(memory);
        var line = memory.Span;
        if (line.IsEmpty || IsStructural(line))
        {
            return;
        }

        switch (line[0])
        {
            case (byte)'{':
                if (!fast || !AuditEventReader.TryRead(line, topLevel: true, result))
                {
                    ParseObjectLine(memory, result, fast);
                }

                return;
            case (byte)'"':
                ParsePropertyLine(line, result, fast);
                return;
            case (byte)'t' when line.StartsWith("time="u8):
                ParseAuthenticator(Encoding.UTF8.GetString(line), result);
                return;
            default:
                result.Error = "not JSON and not an authenticator log line";
                return;
        }
    }

    private static void ParseObjectLine(ReadOnlyMemory<byte> line, AuditLine result, bool fast)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Options);
        }
        catch (JsonException ex)
        {
            result.Error = $"invalid JSON: {ex.Message}";
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.TryGetProperty("events"u8, out var events) && events.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in events.EnumerateArray())
                {
                    ParseLogEvent(item, result, fast);
                }

                return;
            }

            if (root.TryGetProperty("message"u8, out _))
            {
                ParseLogEvent(root, result, fast);
                return;
            }

            ReadEvent(root, result);
        }
    }

    /// <summary>A pretty-printed document's property line: only <c>"message": "…"</c> carries an event.</summary>
    private static void ParsePropertyLine(ReadOnlySpan<byte> line, AuditLine result, bool fast)
    {
        if (!line.StartsWith("\"message\""u8))
        {
            return;
        }

        var rest = Trim(line["\"message\""u8.Length..]);
        if (rest.IsEmpty || rest[0] != (byte)':')
        {
            result.Error = "expected \"message\": \"<audit event JSON>\"";
            return;
        }

        rest = Trim(rest[1..]);
        if (rest.Length > 0 && rest[^1] == (byte)',')
        {
            rest = rest[..^1];
        }

        var reader = new Utf8JsonReader(rest);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                result.Error = "expected \"message\": \"<audit event JSON>\"";
                return;
            }

            ParseMessage(reader.GetString()!, result, fast);
        }
        catch (JsonException ex)
        {
            result.Error = $"invalid JSON string in \"message\": {ex.Message}";
        }
    }

    private static void ParseLogEvent(JsonElement item, AuditLine result, bool fast)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("message"u8, out var message) || message.ValueKind != JsonValueKind.String)
        {
            result.Error = "a log event without a \"message\" string";
            return;
        }

        ParseMessage(message.GetString()!, result, fast);
    }

    private static void ParseMessage(string message, AuditLine result, bool fast)
    {
        var text = message.AsSpan().Trim();
        if (text.StartsWith("time=", StringComparison.Ordinal))
        {
            ParseAuthenticator(text.ToString(), result);
            return;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, bytes);
            if (fast && AuditEventReader.TryRead(bytes.AsSpan(0, length), topLevel: false, result))
            {
                return;
            }

            using var document = JsonDocument.Parse(bytes.AsMemory(0, length), Options);
            ReadEvent(document.RootElement, result);
        }
        catch (JsonException ex)
        {
            result.Error = $"\"message\" is not JSON: {ex.Message}";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static void ReadEvent(JsonElement root, AuditLine result)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            result.Error = "not a JSON object";
            return;
        }

        var auditId = String(root, "auditID"u8);
        var verb = String(root, "verb"u8);
        if (auditId is null || verb is null || !root.TryGetProperty("user"u8, out var user) || user.ValueKind != JsonValueKind.Object)
        {
            var kind = String(root, "kind"u8);
            result.Error = kind is not null && !string.Equals(kind, "Event", StringComparison.Ordinal)
                ? $"kind '{kind}' is not an audit.k8s.io/v1 Event"
                : "not an audit.k8s.io/v1 Event (auditID, verb or user missing)";
            return;
        }

        var time = Time(root, "requestReceivedTimestamp"u8) ?? Time(root, "stageTimestamp"u8);
        if (time is null)
        {
            result.Error = $"event {auditId} has no requestReceivedTimestamp or stageTimestamp (RFC 3339)";
            return;
        }

        var username = String(user, "username"u8) ?? "";
        string? canonicalArn = null, arn = null, sessionName = null, accessKeyId = null;
        if (user.TryGetProperty("extra"u8, out var extra) && extra.ValueKind == JsonValueKind.Object)
        {
            canonicalArn = First(extra, "canonicalArn"u8);
            arn = First(extra, "arn"u8);
            sessionName = First(extra, "sessionName"u8);
            accessKeyId = First(extra, "accessKeyId"u8);
        }

        sessionName = string.IsNullOrEmpty(sessionName) ? AuditIdentity.SessionOf(arn) : sessionName;

        string? apiGroup = null, resource = null, subresource = null, ns = null, name = null, nonResourceUrl = null;
        if (root.TryGetProperty("objectRef"u8, out var objectRef) && objectRef.ValueKind == JsonValueKind.Object)
        {
            apiGroup = String(objectRef, "apiGroup"u8) ?? "";
            resource = String(objectRef, "resource"u8);
            subresource = String(objectRef, "subresource"u8);
            ns = String(objectRef, "namespace"u8);
            name = String(objectRef, "name"u8);
        }
        else if (String(root, "requestURI"u8) is { } uri)
        {
            var query = uri.IndexOf('?', StringComparison.Ordinal);
            nonResourceUrl = query < 0 ? uri : uri[..query];
        }

        int? code = null;
        if (root.TryGetProperty("responseStatus"u8, out var status) && status.ValueKind == JsonValueKind.Object
            && status.TryGetProperty("code"u8, out var codeElement) && codeElement.ValueKind == JsonValueKind.Number && codeElement.TryGetInt32(out var c))
        {
            code = c;
        }

        string? decision = null, reason = null;
        if (root.TryGetProperty("annotations"u8, out var annotations) && annotations.ValueKind == JsonValueKind.Object)
        {
            decision = String(annotations, DecisionAnnotation);
            reason = String(annotations, ReasonAnnotation);
        }

        string? impersonated = null;
        if (root.TryGetProperty("impersonatedUser"u8, out var impersonatedUser) && impersonatedUser.ValueKind == JsonValueKind.Object)
        {
            impersonated = String(impersonatedUser, "username"u8) ?? "";
        }

        result.Events.Add(new AuditEvent
        {
            Time = time.Value,
            AuditId = auditId,
            Stage = String(root, "stage"u8) ?? AuditStages.ResponseComplete,
            PrincipalArn = AuditIdentity.CanonicalArn(canonicalArn, arn, username),
            SessionName = string.IsNullOrEmpty(sessionName) ? null : sessionName,
            AccessKeyId = string.IsNullOrEmpty(accessKeyId) ? null : accessKeyId,
            Username = username,
            Groups = Strings(user, "groups"u8),
            ImpersonatedUser = impersonated,
            Verb = verb,
            ApiGroup = apiGroup,
            Resource = resource,
            Subresource = subresource,
            Namespace = ns,
            Name = name,
            NonResourceUrl = nonResourceUrl,
            Code = code,
            Decision = decision,
            Reason = reason,
            SourceIps = Strings(root, "sourceIPs"u8),
            UserAgent = String(root, "userAgent"u8),
        });
    }

    /// <summary>logrus logfmt (key=value, values quoted when they contain spaces); only <c>access granted</c> matters.</summary>
    private static void ParseAuthenticator(string line, AuditLine result)
    {
        var fields = Logfmt.Parse(line);
        if (!fields.TryGetValue("msg", out var msg) || !string.Equals(msg, "access granted", StringComparison.Ordinal))
        {
            return;
        }

        if (!fields.TryGetValue("time", out var timeText)
            || !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            result.Error = "authenticator line without a valid time=";
            return;
        }

        if (!fields.TryGetValue("arn", out var arn) || AuditIdentity.Key(arn) is null)
        {
            result.Error = "authenticator \"access granted\" line without a principal arn=";
            return;
        }

        fields.TryGetValue("uid", out var uid);
        result.Logins.Add(new AuthenticatorLogin(time, arn, fields.GetValueOrDefault("username", ""), uid));
    }

    private static string? String(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>user.extra values are one-element arrays.</summary>
    private static string? First(JsonElement element, ReadOnlySpan<byte> name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
    }

    private static ImmutableArray<string> Strings(JsonElement element, ReadOnlySpan<byte> name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                builder.Add(item.GetString()!);
            }
        }

        return builder.DrainToImmutable();
    }

    private static DateTimeOffset? Time(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time)
            ? time
            : null;

    private static bool IsStructural(ReadOnlySpan<byte> line) =>
        line.Length <= 3 && line.IndexOfAnyExcept("{}[],"u8) < 0;

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line)
    {
        var start = 0;
        while (start < line.Length && IsSpace(line[start]))
        {
            start++;
        }

        var end = line.Length;
        while (end > start && IsSpace(line[end - 1]))
        {
            end--;
        }

        return line[start..end];
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        var start = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var trimmed = Trim(span[start..]);
        if (trimmed.IsEmpty)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var offset = start;
        while (IsSpace(span[offset]))
        {
            offset++;
        }

        return line.Slice(offset, trimmed.Length);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
