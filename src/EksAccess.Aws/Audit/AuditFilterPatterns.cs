using System.Text;

namespace EksAccess.Aws.Audit;

/// <summary>
/// CloudWatch Logs JSON filter patterns ("Using filter patterns to match terms in JSON log events") for the audit
/// streams. Values are quoted; a pattern over 1,024 characters (the API's limit) is dropped, since the caller filters
/// every event again anyway.
/// </summary>
public static class AuditFilterPatterns
{
    public const int MaxLength = 1024;

    /// <summary><c>{ ($.user.extra.canonicalArn[0] = "arn…") || ($.user.username = "u") }</c>, or null for no condition.</summary>
    public static string? ForCallers(IEnumerable<string> canonicalArns, IEnumerable<string> usernames)
    {
        ArgumentNullException.ThrowIfNull(canonicalArns);
        ArgumentNullException.ThrowIfNull(usernames);
        var terms = canonicalArns.Select(arn => $"($.user.extra.canonicalArn[0] = {Quote(arn)})")
            .Concat(usernames.Select(name => $"($.user.username = {Quote(name)})"))
            .ToList();
        return Within(terms.Count == 0 ? null : "{ " + string.Join(" || ", terms) + " }");
    }

    /// <summary>Edits of kube-system/aws-auth.</summary>
    public static string AwsAuthEdits { get; } =
        "{ ($.objectRef.resource = \"configmaps\") && ($.objectRef.namespace = \"kube-system\") && ($.objectRef.name = \"aws-auth\") && (($.verb = \"update\") || ($.verb = \"patch\")) }";

    /// <summary>Authenticator lines that granted a token (logfmt text, so a term pattern).</summary>
    public static string AccessGranted { get; } = "\"access granted\"";

    private static string? Within(string? pattern) => pattern is { Length: > MaxLength } ? null : pattern;

    private static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }
}
