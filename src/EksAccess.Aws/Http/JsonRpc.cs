using System.Text;
using System.Text.Json;
using EksAccess.Aws.Json;

namespace EksAccess.Aws.Http;

/// <summary>The JSON 1.1 protocol: <c>POST /</c> with <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c>.</summary>
internal sealed class JsonRpc
{
    private readonly AwsTransport _transport;
    private readonly AwsService _service;
    private readonly string _targetPrefix;
    private readonly JsonSerializerOptions _options;

    public JsonRpc(AwsTransport transport, AwsService service, string targetPrefix, JsonSerializerOptions options)
    {
        _transport = transport;
        _service = service;
        _targetPrefix = targetPrefix;
        _options = options;
    }

    public async Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
        where TResponse : new()
    {
        var wire = new AwsWireRequest(_service, operation, "POST", "/")
        {
            Content = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, AwsJson.TypeInfo<TRequest>(_options))),
            ContentType = "application/x-amz-json-1.1",
            Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["X-Amz-Target"] = _targetPrefix + "." + operation },
        };
        var response = await _transport.SendAsync(wire, AwsErrorParsers.Json, cancellationToken);
        return JsonResponses.Read<TResponse>(response, operation, _options);
    }
}
