using System.IO.Compression;
using System.Text.Json;

namespace EksAccess.Testing.Aws;

/// <summary>
/// A botocore JSON 1.1 service model (<c>logs/2014-03-28</c>, <c>cloudtrail/2013-11-01</c>), used to check every request a
/// client sends: the X-Amz-Target names a model operation, body members exist, required ones are present, and
/// integers, strings and lists keep to their min/max, down the shape tree.
/// </summary>
internal sealed class JsonServiceModel
{
    private readonly JsonElement _operations;
    private readonly JsonElement _shapes;

    private JsonServiceModel(JsonDocument document)
    {
        _operations = document.RootElement.GetProperty("operations");
        _shapes = document.RootElement.GetProperty("shapes");
    }

    public static JsonServiceModel Load(string botocoreData, string service, string version)
    {
        using var file = File.OpenRead(Path.Combine(botocoreData, service, version, "service-2.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return new JsonServiceModel(JsonDocument.Parse(gzip));
    }

    public (string? Operation, IReadOnlyList<string> Problems) Check(RecordedRequest request)
    {
        var target = request.Header("X-Amz-Target") ?? "";
        var name = target[(target.LastIndexOf('.') + 1)..];
        if (!_operations.TryGetProperty(name, out var operation))
        {
            return (null, [$"X-Amz-Target '{target}' names no operation"]);
        }

        var problems = new List<string>();
        using var body = JsonDocument.Parse(request.Body);
        CheckShape(name, operation.GetProperty("input").GetProperty("shape").GetString()!, body.RootElement, problems);
        return (name, problems);
    }

    private void CheckShape(string path, string shapeName, JsonElement value, List<string> problems)
    {
        var shape = _shapes.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
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
                        problems.Add($"{path}.{property.Name}: not a member of {shapeName}");
                        continue;
                    }

                    CheckShape($"{path}.{property.Name}", member.GetProperty("shape").GetString()!, property.Value, problems);
                }

                foreach (var required in shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!) : [])
                {
                    if (!value.TryGetProperty(required, out _))
                    {
                        problems.Add($"{path}.{required}: required");
                    }
                }

                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}: expected a list");
                    return;
                }

                Range(path, shape, value.GetArrayLength(), problems);
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckShape($"{path}[{index++}]", shape.GetProperty("member").GetProperty("shape").GetString()!, item, problems);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{path}: expected a string");
                    return;
                }

                Range(path, shape, value.GetString()!.Length, problems);
                if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == value.GetString()))
                {
                    problems.Add($"{path}: '{value.GetString()}' is not one of {shapeName}");
                }

                break;
            case "integer" or "long":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
                {
                    problems.Add($"{path}: expected an integer");
                    return;
                }

                Range(path, shape, number, problems);
                break;
            case "timestamp":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected epoch seconds");
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean");
                }

                break;
        }
    }

    private static void Range(string path, JsonElement shape, long value, List<string> problems)
    {
        if (shape.TryGetProperty("min", out var min) && value < min.GetInt64())
        {
            problems.Add($"{path}: {value} is below the minimum {min.GetInt64()}");
        }

        if (shape.TryGetProperty("max", out var max) && value > max.GetInt64())
        {
            problems.Add($"{path}: {value} is above the maximum {max.GetInt64()}");
        }
    }
}
