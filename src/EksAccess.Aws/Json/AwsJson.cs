using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace EksAccess.Aws.Json;

/// <summary>Serializer settings for the AWS JSON protocols: camelCase members (EKS, Logs) or as named (CloudTrail).</summary>
internal static class AwsJson
{
    /// <summary>EKS (rest-json) and CloudWatch Logs: members are camelCase on the wire.</summary>
    public static readonly JsonSerializerOptions CamelCase = Create(JsonNamingPolicy.CamelCase);

    /// <summary>CloudTrail: members are PascalCase on the wire, like the C# names.</summary>
    public static readonly JsonSerializerOptions PascalCase = Create(namingPolicy: null);

    /// <summary>The source-generated metadata of <typeparamref name="T"/> under <paramref name="options"/> (which use <see cref="AwsJsonContext"/>).</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

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
        options.TypeInfoResolver = AwsJsonContext.Default; // source-generated: no reflection (NativeAOT)
        options.MakeReadOnly();
        return options;
    }
}
