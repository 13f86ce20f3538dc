using System.Text.Json;
using EksAccess.Aws.Http;

namespace EksAccess.Aws.Json;

/// <summary>Reads a JSON answer into a response record; an unreadable answer is an <see cref="AwsServiceException"/>.</summary>
internal static class JsonResponses
{
    public static T Read<T>(AwsWireResponse response, string operation, JsonSerializerOptions options)
        where T : new()
    {
        if (string.IsNullOrWhiteSpace(response.Body))
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize(response.Body, AwsJson.TypeInfo<T>(options)) ?? new T();
        }
        catch (JsonException exception)
        {
            throw new AwsServiceException(
                operation,
                "InvalidResponse",
                response.StatusCode,
                $"the answer is not the expected JSON: {exception.Message}",
                response.RequestId,
                exception);
        }
    }
}
