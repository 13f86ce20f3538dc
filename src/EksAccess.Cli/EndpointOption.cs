using EksAccess.Aws;

namespace EksAccess.Cli;

/// <summary>Parses <c>--endpoint-url</c> with <see cref="AwsEndpointUrl"/> (System.CommandLine has no Uri parser); a bad URL is bad input.</summary>
internal static class EndpointOption
{
    public static Uri? Parse(string? value) =>
        value is null ? null
        : AwsEndpointUrl.TryParse(value, out var uri) ? uri
        : throw new InputException($"--endpoint-url '{value}' is not an http(s) URL — e.g. --endpoint-url http://127.0.0.1:5000");
}
