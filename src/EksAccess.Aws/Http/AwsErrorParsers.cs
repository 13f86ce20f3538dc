using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace EksAccess.Aws.Http;

/// <summary>Error parsing for the three AWS protocols used here.</summary>
internal static class AwsErrorParsers
{
    /// <summary>rest-json (EKS): the <c>x-amzn-ErrorType</c> header, else the body's <c>__type</c>/<c>code</c>.</summary>
    public static AwsError RestJson(AwsWireResponse response)
    {
        var (bodyCode, message) = ReadJson(response);
        var code = CleanCode(response.ErrorTypeHeader) ?? bodyCode ?? StatusCodeName(response.StatusCode);
        return new AwsError(code, message ?? NonJsonMessage(response), null);
    }

    /// <summary>JSON 1.0/1.1 (CloudTrail, Logs): the body's <c>__type</c>, else the header.</summary>
    public static AwsError Json(AwsWireResponse response)
    {
        var (bodyCode, message) = ReadJson(response);
        var code = bodyCode ?? CleanCode(response.ErrorTypeHeader) ?? StatusCodeName(response.StatusCode);
        return new AwsError(code, message ?? NonJsonMessage(response), null);
    }

    /// <summary>Query (IAM): <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;…</c>.</summary>
    public static AwsError Query(AwsWireResponse response)
    {
        try
        {
            var document = XDocument.Parse(response.Body);
            var error = document.Descendants().FirstOrDefault(e => string.Equals(e.Name.LocalName, "Error", StringComparison.Ordinal));
            var code = error?.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, "Code", StringComparison.Ordinal))?.Value.Trim();
            var message = error?.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, "Message", StringComparison.Ordinal))?.Value.Trim();
            var requestId = document.Descendants().FirstOrDefault(e => string.Equals(e.Name.LocalName, "RequestId", StringComparison.Ordinal))?.Value.Trim();
            return new AwsError(
                string.IsNullOrEmpty(code) ? StatusCodeName(response.StatusCode) : code,
                message ?? "",
                string.IsNullOrEmpty(requestId) ? null : requestId);
        }
        catch (XmlException)
        {
            return new AwsError(StatusCodeName(response.StatusCode), NonXmlMessage(response), null);
        }
    }

    /// <summary><c>aws.protocoltests#Code:http://…</c> or <c>prefix#Code</c> → <c>Code</c>.</summary>
    public static string? CleanCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = raw.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Length == 0 ? null : code;
    }

    private static (string? Code, string? Message) ReadJson(AwsWireResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Body))
        {
            return (null, "");
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? code = null;
            string? message = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                switch (property.Name)
                {
                    case "__type":
                    case "code":
                    case "Code":
                        code ??= CleanCode(property.Value.GetString());
                        break;
                    case "message":
                    case "Message":
                    case "errorMessage":
                        message ??= property.Value.GetString();
                        break;
                }
            }

            return (code, message ?? "");
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string NonJsonMessage(AwsWireResponse response) =>
        $"unexpected non-JSON answer ({Excerpt(response.Body)})";

    private static string NonXmlMessage(AwsWireResponse response) =>
        $"unexpected non-XML answer ({Excerpt(response.Body)})";

    private static string Excerpt(string body)
    {
        var oneLine = string.Join(' ', body.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= 120 ? oneLine : oneLine[..120] + "…";
    }

    /// <summary>The HTTP status as a code when the body names none, e.g. <c>NotFound</c>.</summary>
    public static string StatusCodeName(HttpStatusCode statusCode) =>
        Enum.IsDefined(statusCode) ? statusCode.ToString() : "Http" + ((int)statusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
