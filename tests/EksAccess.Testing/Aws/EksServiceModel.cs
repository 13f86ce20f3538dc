using System.IO.Compression;
using System.Text.Json;

namespace EksAccess.Testing.Aws;

/// <summary>
/// The official EKS service model (botocore's <c>eks/2017-11-01/service-2.json.gz</c>), used to check every request
/// our client sends: HTTP method and requestUri template, URI members fully percent-encoded, query-string names,
/// body member names, required members, and enum/type/range constraints down the shape tree.
/// </summary>
internal sealed class EksServiceModel
{
    private readonly JsonElement _operations;
    private readonly JsonElement _shapes;

    private EksServiceModel(JsonDocument document)
    {
        _operations = document.RootElement.GetProperty("operations");
        _shapes = document.RootElement.GetProperty("shapes");
    }

    public static EksServiceModel Load(string botocoreData)
    {
        var path = Path.Combine(botocoreData, "eks", "2017-11-01", "service-2.json.gz");
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return new EksServiceModel(JsonDocument.Parse(gzip));
    }

    public IReadOnlyList<string> EnumValues(string shape) =>
        [.. _shapes.GetProperty(shape).GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];

    /// <summary>The operation the request is, and every way it departs from the model (empty when it conforms).</summary>
    public (string? Operation, IReadOnlyList<string> Problems) Check(RecordedRequest request)
    {
        var rawSegments = request.RawPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var operation in _operations.EnumerateObject())
        {
            var http = operation.Value.GetProperty("http");
            if (!string.Equals(http.GetProperty("method").GetString(), request.Method, StringComparison.Ordinal))
            {
                continue;
            }

            var template = http.GetProperty("requestUri").GetString()!.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (template.Length != rawSegments.Length || !template.Zip(rawSegments).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.Ordinal)))
            {
                continue;
            }

            var problems = new List<string>();
            CheckInput(operation.Name, operation.Value, template, rawSegments, request, problems);
            return (operation.Name, problems);
        }

        return (null, [$"{request.Method} {request.RawPath} matches no EKS operation"]);
    }

    private void CheckInput(string name, JsonElement operation, string[] template, string[] rawSegments, RecordedRequest request, List<string> problems)
    {
        var input = _shapes.GetProperty(operation.GetProperty("input").GetProperty("shape").GetString()!);
        var members = input.GetProperty("members");
        var required = input.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
        var uriMembers = new Dictionary<string, string>(StringComparer.Ordinal);
        var queryMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var bodyMembers = new Dictionary<string, (string Member, JsonElement Spec)>(StringComparer.Ordinal);
        foreach (var member in members.EnumerateObject())
        {
            var location = member.Value.TryGetProperty("location", out var l) ? l.GetString() : null;
            var locationName = member.Value.TryGetProperty("locationName", out var ln) ? ln.GetString()! : member.Name;
            switch (location)
            {
                case "uri":
                    uriMembers[locationName] = member.Name;
                    break;
                case "querystring":
                    queryMembers[locationName] = member.Value;
                    break;
                case null:
                    bodyMembers[locationName] = (member.Name, member.Value);
                    break;
                default:
                    problems.Add($"{name}: member {member.Name} has unexpected location {location}");
                    break;
            }
        }

        foreach (var (part, raw) in template.Zip(rawSegments))
        {
            if (!part.StartsWith('{'))
            {
                continue;
            }

            var key = part.Trim('{', '}', '+');
            var decoded = Uri.UnescapeDataString(raw);
            if (!uriMembers.ContainsKey(key))
            {
                problems.Add($"{name}: uri placeholder {part} has no member");
            }

            if (decoded.Length == 0)
            {
                problems.Add($"{name}: uri member {key} is empty");
            }

            if (!string.Equals(Uri.EscapeDataString(decoded), raw, StringComparison.Ordinal))
            {
                problems.Add($"{name}: uri member {key} is not percent-encoded in full: '{raw}'");
            }
        }

        foreach (var (key, value) in request.Query)
        {
            if (!queryMembers.TryGetValue(key, out var spec))
            {
                problems.Add($"{name}: query parameter {key} is not in the model");
                continue;
            }

            var shape = _shapes.GetProperty(spec.GetProperty("shape").GetString()!);
            if (shape.GetProperty("type").GetString() is "integer" && !int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"{name}: query parameter {key}={value} is not an integer");
            }
        }

        var hasBody = request.Body.Length > 0;
        if (bodyMembers.Count == 0)
        {
            if (hasBody && request.Body.Trim() is not ("" or "{}"))
            {
                problems.Add($"{name}: sends a body, but the operation has no body members");
            }

            return;
        }

        if (!string.Equals(request.Header("Content-Type"), "application/json", StringComparison.Ordinal))
        {
            problems.Add($"{name}: Content-Type is '{request.Header("Content-Type")}', expected application/json");
        }

        using var body = JsonDocument.Parse(hasBody ? request.Body : "{}");
        foreach (var property in body.RootElement.EnumerateObject())
        {
            if (!bodyMembers.TryGetValue(property.Name, out var member))
            {
                problems.Add($"{name}: body member {property.Name} is not in the model");
                continue;
            }

            Validate(property.Value, member.Spec.GetProperty("shape").GetString()!, $"{name}.{property.Name}", problems);
        }

        foreach (var (wireName, (member, _)) in bodyMembers)
        {
            if (required.Contains(member) && !body.RootElement.TryGetProperty(wireName, out _))
            {
                problems.Add($"{name}: required body member {wireName} is missing");
            }
        }
    }

    private void Validate(JsonElement value, string shapeName, string path, List<string> problems)
    {
        var shape = _shapes.GetProperty(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: expected an object");
                    return;
                }

                var members = shape.GetProperty("members");
                foreach (var property in value.EnumerateObject())
                {
                    if (!members.TryGetProperty(property.Name, out var member))
                    {
                        problems.Add($"{path}.{property.Name} is not a member of {shapeName}");
                        continue;
                    }

                    Validate(property.Value, member.GetProperty("shape").GetString()!, $"{path}.{property.Name}", problems);
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(e => e.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _))
                        {
                            problems.Add($"{path}.{name} is required by {shapeName}");
                        }
                    }
                }

                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}: expected an array");
                    return;
                }

                foreach (var item in value.EnumerateArray())
                {
                    Validate(item, shape.GetProperty("member").GetProperty("shape").GetString()!, path + "[]", problems);
                }

                break;
            case "map":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: expected a map");
                    return;
                }

                foreach (var item in value.EnumerateObject())
                {
                    Validate(item.Value, shape.GetProperty("value").GetProperty("shape").GetString()!, $"{path}[{item.Name}]", problems);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{path}: expected a string");
                }
                else if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => string.Equals(v.GetString(), value.GetString(), StringComparison.Ordinal)))
                {
                    problems.Add($"{path}: '{value.GetString()}' is not a value of enum {shapeName}");
                }

                break;
            case "integer" or "long":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected a number");
                }
                else if ((shape.TryGetProperty("min", out var min) && value.GetInt64() < min.GetInt64()) || (shape.TryGetProperty("max", out var max) && value.GetInt64() > max.GetInt64()))
                {
                    problems.Add($"{path}: {value.GetInt64()} is out of range for {shapeName}");
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean");
                }

                break;
            case "timestamp":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected epoch seconds");
                }

                break;
        }
    }
}
