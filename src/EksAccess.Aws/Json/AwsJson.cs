using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAccess.Aws.Json;

/// <summary>Serializer settings for the AWS JSON protocols: camelCase members (EKS, Logs) or as named (CloudTrail).</summary>
internal static class AwsJson
{
    /// <summary>EKS (rest-json) and CloudWatch Logs: members are camelCase on the wire.</summary>
    public static readonly JsonSerializerOptions CamelCase = Create(JsonNamingPolicy.CamelCase);

    /// <summary>CloudTrail: members are PascalCase on the wire, like the C# names.</summary>
    public static readonly JsonSerializerOptions PascalCase = Create(namingPolicy: null);

    private static JsonSerializerOptions Create(JsonNamingPolicy? namingPolicy)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = namingPolicy,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
