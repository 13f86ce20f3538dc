using System.Collections.Immutable;
using System.Net;

namespace EksAccess.Kubernetes;

/// <summary>
/// A failed Kubernetes API call: the call (<c>PUT v1 configmaps kube-system/aws-auth</c>), the HTTP status (null when no
/// answer came), and the <c>Status</c> body's reason (<c>Conflict</c>, <c>NotFound</c>, <c>Forbidden</c>, …), message
/// and causes. <see cref="Exception.Message"/> is one line.
/// </summary>
public sealed class KubernetesApiException : Exception
{
    public KubernetesApiException(string call, HttpStatusCode? statusCode, string reason, string apiMessage, ImmutableArray<KubernetesStatusCause> causes, Exception? innerException = null)
        : base(Format(call, statusCode, reason, apiMessage), innerException)
    {
        Call = call;
        StatusCode = statusCode;
        Reason = reason;
        ApiMessage = apiMessage;
        Causes = causes;
    }

    public KubernetesApiException()
        : this("", null, "", "", [])
    {
    }

    public KubernetesApiException(string message)
        : this("", null, "", message, [])
    {
    }

    public KubernetesApiException(string message, Exception innerException)
        : this("", null, "", message, [], innerException)
    {
    }

    public string Call { get; }

    public HttpStatusCode? StatusCode { get; }

    public string Reason { get; }

    public string ApiMessage { get; }

    public ImmutableArray<KubernetesStatusCause> Causes { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>409 for a stale resourceVersion (an update lost a race): re-read and try again.</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict && !IsFieldManagerConflict && !IsAlreadyExists;

    public bool IsAlreadyExists => StatusCode == HttpStatusCode.Conflict && string.Equals(Reason, "AlreadyExists", StringComparison.Ordinal);

    /// <summary>409 from server-side apply: another field manager owns a field this apply sets to a different value.</summary>
    public bool IsFieldManagerConflict => StatusCode == HttpStatusCode.Conflict && Causes.Any(c => string.Equals(c.Type, "FieldManagerConflict", StringComparison.Ordinal));

    private static string Format(string call, HttpStatusCode? statusCode, string reason, string message)
    {
        var status = statusCode is null ? "no answer" : $"HTTP {(int)statusCode}{(reason.Length == 0 ? "" : " " + reason)}";
        var text = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length == 0 ? $"{call}: {status}" : $"{call}: {status}: {text}";
    }
}
