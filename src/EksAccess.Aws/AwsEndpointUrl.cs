using System.Diagnostics.CodeAnalysis;

namespace EksAccess.Aws;

/// <summary>
/// The one parser of an endpoint override (--endpoint-url, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_&lt;SERVICE&gt;): an
/// absolute http or https URL, as the AWS CLI accepts it.
/// </summary>
public static class AwsEndpointUrl
{
    /// <summary>The URL; false when <paramref name="text"/> is not an absolute http(s) URL.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? uri)
    {
        if (text is not null
            && Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            && (string.Equals(parsed.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) || string.Equals(parsed.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)))
        {
            uri = parsed;
            return true;
        }

        uri = null;
        return false;
    }
}
