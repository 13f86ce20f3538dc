using EksAccess.Core.Text;
using System.Globalization;
using System.Text;

namespace EksAccess.Core.Tokens;

/// <summary>
/// The client.authentication.k8s.io ExecCredential a kubectl exec plugin prints. <see cref="ToJson"/> writes it byte
/// for byte as <c>aws eks get-token</c> does: its JSON formatter (4-space indent, this key order) and an extra newline.
/// </summary>
public sealed record ExecCredential(string ApiVersion, string Token, DateTimeOffset ExpirationTimestamp)
{
    public const string V1ApiVersion = "client.authentication.k8s.io/v1";
    public const string DefaultApiVersion = "client.authentication.k8s.io/v1beta1";
    public const string V1Alpha1ApiVersion = "client.authentication.k8s.io/v1alpha1";

    /// <summary>RFC 3339 in UTC with seconds precision and a Z, as aws eks get-token prints it.</summary>
    public string FormattedExpiration => FormatTimestamp(ExpirationTimestamp);

    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The apiVersion to answer with, as <c>aws eks get-token</c> chooses it from <c>KUBERNETES_EXEC_INFO</c> (which
    /// kubectl sets for the plugin): v1 and v1beta1 as asked; v1alpha1 as asked, with a deprecation warning; anything
    /// else, malformed JSON included, falls back to v1beta1 with a warning; no variable at all means v1beta1 silently.
    /// </summary>
    public static (string ApiVersion, string? Warning) ApiVersionFromExecInfo(string? kubernetesExecInfo)
    {
        if (string.IsNullOrEmpty(kubernetesExecInfo))
        {
            return (DefaultApiVersion, null);
        }

        string? requested;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(kubernetesExecInfo);
            requested = document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("apiVersion", out var apiVersion)
                && apiVersion.ValueKind == System.Text.Json.JsonValueKind.String
                    ? apiVersion.GetString()
                    : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return (DefaultApiVersion,
                $"Error parsing KUBERNETES_EXEC_INFO, defaulting to {DefaultApiVersion}. This is likely a bug in your Kubernetes client. Please update your Kubernetes client.");
        }

        return requested switch
        {
            V1ApiVersion or DefaultApiVersion => (requested, null),
            V1Alpha1ApiVersion => (requested,
                $"Kubeconfig user entry is using deprecated API version {requested}. Run 'eksaccess kubeconfig' (or 'aws eks update-kubeconfig') to update."),
            _ => (DefaultApiVersion,
                $"Unrecognized API version in KUBERNETES_EXEC_INFO, defaulting to {DefaultApiVersion}."),
        };
    }

    /// <summary>The JSON document as aws eks get-token prints it (ends with a blank line).</summary>
    public string ToJson()
    {
        var builder = new StringBuilder(Token.Length + 256);
        builder.Append("{\n    \"kind\": \"ExecCredential\",\n    \"apiVersion\": ");
        AppendQuoted(builder, ApiVersion);
        builder.Append(",\n    \"spec\": {},\n    \"status\": {\n        \"expirationTimestamp\": ");
        AppendQuoted(builder, FormattedExpiration);
        builder.Append(",\n        \"token\": ");
        AppendQuoted(builder, Token);
        builder.Append("\n    }\n}\n\n");
        return builder.ToString();
    }

    /// <summary>Never shows the token.</summary>
    public override string ToString() =>
        $"ExecCredential {{ ApiVersion = {ApiVersion}, ExpirationTimestamp = {FormattedExpiration}, Token = *** }}";

    /// <summary>A JSON string as Python's json.dumps(ensure_ascii=False) writes it.</summary>
    private static void AppendQuoted(StringBuilder builder, string value) => QuotedString.Append(builder, value, JsonEscape);

    private static void JsonEscape(StringBuilder builder, string value, int index)
    {
        var c = value[index];
        _ = c switch
        {
            '\b' => builder.Append("\\b"),
            '\f' => builder.Append("\\f"),
            < ' ' => QuotedString.AppendUnicodeEscape(builder, c, "x4"),
            _ => builder.Append(c),
        };
    }
}
