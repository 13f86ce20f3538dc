using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace EksAccess.Core.Audit;

/// <summary>
/// The fast path of <see cref="AuditLineParser"/>: one forward <see cref="Utf8JsonReader"/> pass over an audit event's
/// bytes that reads only the members an <see cref="AuditEvent"/> needs and skips the rest (request and response
/// objects), with repeated values interned by their bytes. It gives up — and the caller takes the JsonDocument path,
/// which then also words any error — on whatever it does not handle exactly like that path: invalid JSON, a missing
/// required member, a member twice in one object (which one JsonDocument returns is its business), an escaped member
/// name, and on a top-level line a <c>message</c> or <c>events</c> member (a CloudWatch Logs document).
/// </summary>
internal static class AuditEventReader
{
    private const int MaxPrincipals = 4096;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    // Strict UTF-8, as Utf8JsonReader.GetString transcodes: invalid bytes throw instead of becoming U+FFFD.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Adds the event in <paramref name="json"/> to <paramref name="result"/>; false (nothing added) to take the JsonDocument path.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, bool topLevel, AuditLine result)
    {
        try
        {
            return TryReadCore(json, topLevel, result);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or DecoderFallbackException)
        {
            return false;
        }
    }

    // After a nested object was read the reader stands on its EndObject, where Skip() does nothing; on any other
    // kind of value Skip() passes over it whole, so a member of an unexpected kind never leaks its contents.
    private static bool TryReadCore(ReadOnlySpan<byte> json, bool topLevel, AuditLine result)
    {
        var strings = result;
        var reader = new Utf8JsonReader(json, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = new Seen();
        Fields f = default;
        Identity user = default;
        ObjectRef objectRef = default;
        var hasUser = false;
        var hasObjectRef = false;
        var uriStart = -1;
        var uriLength = 0;
        string? uriEscaped = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            reader.Read();
            switch (name.Length)
            {
                case 4 when name.SequenceEqual("verb"u8) && seen.Add(1):
                    f.Verb = String(ref reader, strings);
                    break;
                case 4 when name.SequenceEqual("user"u8) && seen.Add(2):
                    hasUser = reader.TokenType == JsonTokenType.StartObject;
                    if (hasUser && !ReadUser(ref reader, json, strings, ref user))
                    {
                        return false;
                    }

                    reader.Skip(); // a value of another kind is passed over whole
                    break;
                case 5 when name.SequenceEqual("stage"u8) && seen.Add(3):
                    f.Stage = String(ref reader, strings);
                    break;
                case 7 when name.SequenceEqual("auditID"u8) && seen.Add(4):
                    f.AuditId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case 7 when topLevel && name.SequenceEqual("message"u8):
                case 6 when topLevel && name.SequenceEqual("events"u8):
                    return false;
                case 9 when name.SequenceEqual("objectRef"u8) && seen.Add(5):
                    hasObjectRef = reader.TokenType == JsonTokenType.StartObject;
                    if (hasObjectRef && !ReadObjectRef(ref reader, strings, ref objectRef))
                    {
                        return false;
                    }

                    reader.Skip();
                    break;
                case 9 when name.SequenceEqual("sourceIPs"u8) && seen.Add(6):
                    f.SourceIps = Strings(ref reader, json, strings);
                    break;
                case 9 when name.SequenceEqual("userAgent"u8) && seen.Add(7):
                    f.UserAgent = String(ref reader, strings);
                    break;
                case 10 when name.SequenceEqual("requestURI"u8) && seen.Add(8):
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        // Only needed without an objectRef: kept as a position until the end.
                        uriEscaped = reader.ValueIsEscaped ? reader.GetString() : null;
                        uriStart = (int)reader.TokenStartIndex + 1;
                        uriLength = reader.ValueSpan.Length;
                    }

                    reader.Skip();
                    break;
                case 11 when name.SequenceEqual("annotations"u8) && seen.Add(9):
                    if (reader.TokenType == JsonTokenType.StartObject && !ReadAnnotations(ref reader, strings, ref f))
                    {
                        return false;
                    }

                    reader.Skip();
                    break;
                case 14 when name.SequenceEqual("stageTimestamp"u8) && seen.Add(10):
                    f.StageTime = Time(ref reader);
                    break;
                case 14 when name.SequenceEqual("responseStatus"u8) && seen.Add(11):
                    if (reader.TokenType == JsonTokenType.StartObject && !ReadStatus(ref reader, ref f))
                    {
                        return false;
                    }

                    reader.Skip();
                    break;
                case 16 when name.SequenceEqual("impersonatedUser"u8) && seen.Add(12):
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        Identity impersonated = default;
                        if (!ReadUser(ref reader, json, strings, ref impersonated))
                        {
                            return false;
                        }

                        f.Impersonated = impersonated.Username ?? "";
                    }

                    reader.Skip();
                    break;
                case 24 when name.SequenceEqual("requestReceivedTimestamp"u8) && seen.Add(13):
                    f.ReceivedTime = Time(ref reader);
                    break;
                default:
                    if (seen.Duplicate)
                    {
                        return false;
                    }

                    reader.Skip();
                    break;
            }
        }

        // Whatever follows the object must be whitespace; anything else is the JsonDocument path's error to word.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return false;
        }

        var time = f.ReceivedTime ?? f.StageTime;
        if (f.AuditId is null || f.Verb is null || !hasUser || time is null)
        {
            return false;
        }

        string? nonResourceUrl = null;
        if (!hasObjectRef && uriStart >= 0)
        {
            if (uriEscaped is not null)
            {
                var query = uriEscaped.IndexOf('?', StringComparison.Ordinal);
                nonResourceUrl = query < 0 ? uriEscaped : uriEscaped[..query];
            }
            else
            {
                var uri = json.Slice(uriStart, uriLength);
                var query = uri.IndexOf((byte)'?');
                nonResourceUrl = Intern(strings, query < 0 ? uri : uri[..query]);
            }
        }

        var username = user.Username ?? "";
        var sessionName = string.IsNullOrEmpty(user.SessionName) ? AuditIdentity.SessionOf(user.Arn) : user.SessionName;
        result.Events.Add(new AuditEvent
        {
            Time = time.Value,
            AuditId = f.AuditId,
            Stage = f.Stage ?? AuditStages.ResponseComplete,
            PrincipalArn = CanonicalArn(result, user.CanonicalArn, user.Arn, username),
            SessionName = string.IsNullOrEmpty(sessionName) ? null : sessionName,
            AccessKeyId = string.IsNullOrEmpty(user.AccessKeyId) ? null : user.AccessKeyId,
            Username = username,
            Groups = user.Groups.IsDefault ? [] : user.Groups,
            ImpersonatedUser = f.Impersonated,
            Verb = f.Verb,
            ApiGroup = hasObjectRef ? objectRef.ApiGroup ?? "" : null,
            Resource = objectRef.Resource,
            Subresource = objectRef.Subresource,
            Namespace = objectRef.Namespace,
            Name = objectRef.Name,
            NonResourceUrl = nonResourceUrl,
            Code = f.Code,
            Decision = f.Decision,
            Reason = f.Reason,
            SourceIps = f.SourceIps.IsDefault ? [] : f.SourceIps,
            UserAgent = f.UserAgent,
        });
        return true;
    }

    /// <summary>user (and impersonatedUser): username, groups, and the one-element arrays of extra.</summary>
    private static bool ReadUser(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, AuditLine strings, ref Identity user)
    {
        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("username"u8) && seen.Add(1))
            {
                user.Username = String(ref reader, strings);
            }
            else if (name.SequenceEqual("groups"u8) && seen.Add(2))
            {
                user.Groups = Strings(ref reader, json, strings);
            }
            else if (name.SequenceEqual("extra"u8) && seen.Add(3))
            {
                if (reader.TokenType == JsonTokenType.StartObject && !ReadExtra(ref reader, strings, ref user))
                {
                    return false;
                }

                reader.Skip();
            }
            else if (seen.Duplicate)
            {
                return false;
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    private static bool ReadExtra(ref Utf8JsonReader reader, AuditLine strings, ref Identity user)
    {
        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("canonicalArn"u8) && seen.Add(1))
            {
                user.CanonicalArn = First(ref reader, strings);
            }
            else if (name.SequenceEqual("arn"u8) && seen.Add(2))
            {
                user.Arn = First(ref reader, strings);
            }
            else if (name.SequenceEqual("sessionName"u8) && seen.Add(3))
            {
                user.SessionName = First(ref reader, strings);
            }
            else if (name.SequenceEqual("accessKeyId"u8) && seen.Add(4))
            {
                user.AccessKeyId = First(ref reader, strings);
            }
            else if (seen.Duplicate)
            {
                return false;
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    private static bool ReadObjectRef(ref Utf8JsonReader reader, AuditLine strings, ref ObjectRef objectRef)
    {
        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("apiGroup"u8) && seen.Add(1))
            {
                objectRef.ApiGroup = String(ref reader, strings);
            }
            else if (name.SequenceEqual("resource"u8) && seen.Add(2))
            {
                objectRef.Resource = String(ref reader, strings);
            }
            else if (name.SequenceEqual("subresource"u8) && seen.Add(3))
            {
                objectRef.Subresource = String(ref reader, strings);
            }
            else if (name.SequenceEqual("namespace"u8) && seen.Add(4))
            {
                objectRef.Namespace = String(ref reader, strings);
            }
            else if (name.SequenceEqual("name"u8) && seen.Add(5))
            {
                objectRef.Name = String(ref reader, strings);
            }
            else if (seen.Duplicate)
            {
                return false;
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    private static bool ReadAnnotations(ref Utf8JsonReader reader, AuditLine strings, ref Fields f)
    {
        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("authorization.k8s.io/decision"u8) && seen.Add(1))
            {
                f.Decision = String(ref reader, strings);
            }
            else if (name.SequenceEqual("authorization.k8s.io/reason"u8) && seen.Add(2))
            {
                f.Reason = String(ref reader, strings);
            }
            else if (seen.Duplicate)
            {
                return false;
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    private static bool ReadStatus(ref Utf8JsonReader reader, ref Fields f)
    {
        var seen = new Seen();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("code"u8) && seen.Add(1))
            {
                f.Code = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code) ? code : null;
                reader.Skip();
            }
            else if (seen.Duplicate)
            {
                return false;
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    private static string? String(ref Utf8JsonReader reader, AuditLine strings)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        return reader.ValueIsEscaped ? reader.GetString() : Intern(strings, reader.ValueSpan);
    }

    private static string Intern(AuditLine line, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return "";
        }

        if (!line.Strings.TryGet(utf8, out var hash, out var value))
        {
            value = Strict.GetString(utf8);
            line.Strings.Add(utf8, hash, value);
        }

        return value;
    }

    /// <summary>AuditIdentity caches by value; interned strings allow a cheaper cache by reference first.</summary>
    private static string? CanonicalArn(AuditLine line, string? canonicalArn, string? arn, string username)
    {
        var key = new PrincipalKey(canonicalArn, arn, username);
        if (!line.Principals.TryGetValue(key, out var principal))
        {
            if (line.Principals.Count >= MaxPrincipals)
            {
                line.Principals.Clear();
            }

            principal = AuditIdentity.CanonicalArn(canonicalArn, arn, username);
            line.Principals[key] = principal;
        }

        return principal;
    }

    /// <summary>user.extra values are one-element arrays: the first item when it is a string (or a bare string).</summary>
    private static string? First(ref Utf8JsonReader reader, AuditLine strings)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return String(ref reader, strings);
        }

        string? first = null;
        if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            first = String(ref reader, strings);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip();
            }
        }

        return first;
    }

    private static ImmutableArray<string> Strings(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, AuditLine strings)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return [];
        }

        // A list repeats whole (a user's groups, a client's IPs): looked up by its JSON bytes, then read item by item.
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var raw = json[start..(int)reader.BytesConsumed];
        if (strings.Arrays.TryGet(raw, out var hash, out var cached))
        {
            return cached;
        }

        var items = new Utf8JsonReader(raw, Options);
        items.Read();
        var builder = ImmutableArray.CreateBuilder<string>();
        while (items.Read() && items.TokenType != JsonTokenType.EndArray)
        {
            if (String(ref items, strings) is { } value)
            {
                builder.Add(value);
            }
        }

        var array = builder.DrainToImmutable();
        strings.Arrays.Add(raw, hash, array);
        return array;
    }

    private static DateTimeOffset? Time(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        return reader.TryGetDateTimeOffset(out var time) ? time : null;
    }

    /// <summary>Which members of one object were read: a second one means JsonDocument's choice decides, so give up.</summary>
    private struct Seen
    {
        private int _bits;

        public bool Duplicate { get; private set; }

        public bool Add(int member)
        {
            var bit = 1 << member;
            if ((_bits & bit) != 0)
            {
                Duplicate = true;
                return false;
            }

            _bits |= bit;
            return true;
        }
    }

    private struct Fields
    {
        public string? AuditId;
        public string? Verb;
        public string? Stage;
        public string? UserAgent;
        public string? Decision;
        public string? Reason;
        public string? Impersonated;
        public int? Code;
        public DateTimeOffset? ReceivedTime;
        public DateTimeOffset? StageTime;
        public ImmutableArray<string> SourceIps;
    }

    private struct Identity
    {
        public string? Username;
        public string? CanonicalArn;
        public string? Arn;
        public string? SessionName;
        public string? AccessKeyId;
        public ImmutableArray<string> Groups;
    }

    private struct ObjectRef
    {
        public string? ApiGroup;
        public string? Resource;
        public string? Subresource;
        public string? Namespace;
        public string? Name;
    }
}
