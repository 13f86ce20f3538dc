namespace EksAccess.Cli;

/// <summary>Parses <c>--endpoint-url</c> (System.CommandLine has no Uri parser).</summary>
internal static class EndpointOption
{
    public static Uri? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) || string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)))
        {
            throw new InputException($"--endpoint-url '{value}' is not an http(s) URL, e.g. http://127.0.0.1:5000");
        }

        return uri;
    }
}
