using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAccess.Aws.Json;

/// <summary>Builds a JSON request body from the members that are set (null members are left out, as the SDK does).</summary>
internal sealed class JsonBody
{
    private readonly JsonObject _object = [];
    private readonly JsonSerializerOptions _options;

    public JsonBody(JsonSerializerOptions options)
    {
        _options = options;
    }

    public JsonBody Add<T>(string name, T? value)
    {
        if (value is not null)
        {
            _object[name] = JsonSerializer.SerializeToNode(value, AwsJson.TypeInfo<T>(_options));
        }

        return this;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_object.ToJsonString(_options));
}
