using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccess.Core.Audit;

namespace EksAccess.Cli.Audit;

/// <summary>The JSON shapes of the audit commands (README contract: member names are fixed).</summary>
internal static class AuditJson
{
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Time(DateTimeOffset? time) => time is { } t ? AuditWindow.Format(t) : "";

    public static JsonObject Event(AuditEvent e) => new()
    {
        ["time"] = Time(e.Time),
        ["auditID"] = e.AuditId,
        ["stage"] = e.Stage,
        ["principalArn"] = e.PrincipalArn,
        ["sessionName"] = e.SessionName,
        ["accessKeyId"] = e.AccessKeyId,
        ["username"] = e.Username,
        ["groups"] = Strings(e.Groups),
        ["impersonatedUser"] = e.ImpersonatedUser,
        ["verb"] = e.Verb,
        ["apiGroup"] = e.ApiGroup,
        ["resource"] = e.Resource,
        ["subresource"] = e.Subresource,
        ["namespace"] = e.Namespace,
        ["name"] = e.Name,
        ["nonResourceURL"] = e.NonResourceUrl,
        ["code"] = e.Code,
        ["decision"] = e.Decision,
        ["reason"] = e.Reason,
        ["sourceIPs"] = Strings(e.SourceIps),
        ["userAgent"] = e.UserAgent,
    };

    public static JsonObject Change(AccessChange c) => new()
    {
        ["time"] = Time(c.Time),
        ["eventId"] = c.EventId,
        ["eventName"] = c.EventName,
        ["actorArn"] = c.ActorArn,
        ["actorSessionName"] = c.ActorSessionName,
        ["accessKeyId"] = c.AccessKeyId,
        ["principalArn"] = c.PrincipalArn,
        ["policyArn"] = c.PolicyArn,
        ["accessScope"] = c.AccessScope is { } scope ? new JsonObject { ["type"] = scope.Type, ["namespaces"] = Strings(scope.Namespaces) } : null,
        ["kubernetesGroups"] = c.KubernetesGroups is { } groups ? Strings(groups) : null,
        ["username"] = c.Username,
        ["authenticationMode"] = c.AuthenticationMode,
        ["logging"] = c.Logging,
        ["errorCode"] = c.ErrorCode,
    };

    public static JsonObject Principal(PrincipalActivity p) => new()
    {
        ["principalArn"] = p.PrincipalArn,
        ["username"] = p.Username,
        ["people"] = Strings(p.People),
        ["requests"] = p.Requests,
        ["denied"] = p.Denied,
        ["firstSeen"] = p.FirstSeen is null ? null : Time(p.FirstSeen),
        ["lastSeen"] = p.LastSeen is null ? null : Time(p.LastSeen),
        ["logins"] = p.Logins,
        ["grantsUsed"] = Strings(p.GrantsUsed.Select(g => g.Description)),
        ["grantsUnused"] = Strings(p.GrantsUnused.Select(g => g.Description)),
    };

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
