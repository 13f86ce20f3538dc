using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Audit;

/// <summary>
/// Reads CloudTrail records (the <c>CloudTrailEvent</c> JSON text of LookupEvents). EKS path parameters appear under
/// their URI names, so the cluster is <c>name</c> (older records: <c>clusterName</c>) and AssociateAccessPolicy's
/// <c>principalArn</c> is URL-encoded; both are normalised here (docs/reference/audit.md, CloudTrail).
/// </summary>
public static class CloudTrailRecords
{
    public const string EksSource = "eks.amazonaws.com";
    public const string IamSource = "iam.amazonaws.com";

    /// <summary>The EKS API calls that change who may access a cluster.</summary>
    public static FrozenSet<string> EksEventNames { get; } = new[]
    {
        "CreateAccessEntry", "UpdateAccessEntry", "DeleteAccessEntry", "AssociateAccessPolicy", "DisassociateAccessPolicy", "UpdateClusterConfig",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>IAM calls that change what a mapped principal can do or who can become it.</summary>
    public static FrozenSet<string> IamEventNames { get; } = new[]
    {
        "CreateAccessKey", "AddUserToGroup", "UpdateAssumeRolePolicy", "PutRolePolicy", "DeleteRolePolicy",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The access change a record describes, or null when it is none of <see cref="EksEventNames"/>/<see cref="IamEventNames"/>,
    /// an UpdateClusterConfig that changes neither authentication mode nor logging, or an EKS call on another cluster.</summary>
    public static AccessChange? ParseChange(string recordJson, string? clusterName)
    {
        ArgumentNullException.ThrowIfNull(recordJson);
        using var document = JsonDocument.Parse(recordJson);
        var root = document.RootElement;
        var eventName = String(root, "eventName") ?? "";
        var source = String(root, "eventSource") ?? "";
        var isEks = string.Equals(source, EksSource, StringComparison.Ordinal) && EksEventNames.Contains(eventName);
        var isIam = string.Equals(source, IamSource, StringComparison.Ordinal) && IamEventNames.Contains(eventName);
        if (!isEks && !isIam)
        {
            return null;
        }

        var request = Object(root, "requestParameters");
        var response = Object(root, "responseElements");
        var identity = Object(root, "userIdentity");
        var actorArn = identity is { } id ? String(id, "arn") : null;
        var principalId = identity is { } pid ? String(pid, "principalId") : null;
        var colon = principalId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        var change = new AccessChange
        {
            Time = DateTimeOffset.TryParse(String(root, "eventTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : DateTimeOffset.MinValue,
            EventId = String(root, "eventID") ?? "",
            EventName = eventName,
            EventSource = source,
            ActorArn = actorArn,
            ActorSessionName = colon >= 0 ? principalId![(colon + 1)..] : AuditIdentity.SessionOf(actorArn),
            AccessKeyId = identity is { } ak ? String(ak, "accessKeyId") : null,
            ErrorCode = String(root, "errorCode"),
        };

        if (isIam)
        {
            return change with { PrincipalArn = IamTarget(root, request, eventName) };
        }

        var cluster = request is { } r ? String(r, "name") ?? String(r, "clusterName") : null;
        if (clusterName is not null && cluster is not null && !string.Equals(cluster, clusterName, StringComparison.Ordinal))
        {
            return null;
        }

        var rawPrincipal = request is { } p ? String(p, "principalArn") : null;
        change = change with
        {
            PrincipalArn = rawPrincipal is null ? null : Uri.UnescapeDataString(rawPrincipal),
            PolicyArn = request is { } pa ? (String(pa, "policyArn") is { } policy ? Uri.UnescapeDataString(policy) : null) : null,
            AccessScope = request is { } sc && Object(sc, "accessScope") is { } scope ? ReadScope(scope) : null,
            KubernetesGroups = request is { } kg && kg.TryGetProperty("kubernetesGroups", out var groups) && groups.ValueKind == JsonValueKind.Array
                ? [.. groups.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()!)]
                : null,
            Username = request is { } u ? String(u, "username") : null,
        };

        if (!string.Equals(eventName, "UpdateClusterConfig", StringComparison.Ordinal))
        {
            return change;
        }

        var mode = request is { } m && Object(m, "accessConfig") is { } access ? String(access, "authenticationMode") : null;
        var logging = request is { } l && Object(l, "logging") is { } log ? DescribeLogging(log) : null;
        if (mode is null && logging is null && response is { } resp && Object(resp, "update") is { } update)
        {
            mode = UpdateParam(update, "AuthenticationMode");
        }

        return mode is null && logging is null ? null : change with { AuthenticationMode = mode, Logging = logging };
    }

    /// <summary>An AssumeRole record that issued credentials, or null for anything else.</summary>
    public static TokenIssue? ParseAssumeRole(string recordJson)
    {
        ArgumentNullException.ThrowIfNull(recordJson);
        using var document = JsonDocument.Parse(recordJson);
        var root = document.RootElement;
        if (!string.Equals(String(root, "eventName"), "AssumeRole", StringComparison.Ordinal)
            || Object(root, "responseElements") is not { } response
            || Object(response, "credentials") is not { } credentials
            || String(credentials, "accessKeyId") is not { } issued)
        {
            return null;
        }

        var identity = Object(root, "userIdentity");
        var callerArn = identity is { } id ? String(id, "arn") : null;
        var principalId = identity is { } pid ? String(pid, "principalId") : null;
        var colon = principalId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        var request = Object(root, "requestParameters");
        return new TokenIssue(
            DateTimeOffset.TryParse(String(root, "eventTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : DateTimeOffset.MinValue,
            issued,
            callerArn ?? principalId ?? "unknown caller",
            colon >= 0 ? principalId![(colon + 1)..] : AuditIdentity.SessionOf(callerArn),
            request is { } r ? String(r, "roleArn") : null,
            request is { } s ? String(s, "roleSessionName") : null);
    }

    /// <summary>The aws-auth edit an audit event is (update or patch of kube-system/aws-auth, allowed), or null.</summary>
    public static AccessChange? AwsAuthChange(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (auditEvent.Verb is not ("update" or "patch")
            || !string.Equals(auditEvent.Resource, "configmaps", StringComparison.Ordinal)
            || !string.Equals(auditEvent.Namespace, "kube-system", StringComparison.Ordinal)
            || !string.Equals(auditEvent.Name, "aws-auth", StringComparison.Ordinal)
            || !string.IsNullOrEmpty(auditEvent.Subresource))
        {
            return null;
        }

        return new AccessChange
        {
            Time = auditEvent.Time,
            EventId = auditEvent.AuditId,
            EventName = AccessChange.AwsAuthUpdate,
            EventSource = "kube-apiserver",
            ActorArn = auditEvent.PrincipalArn ?? auditEvent.Username,
            ActorSessionName = auditEvent.SessionName,
            AccessKeyId = auditEvent.AccessKeyId,
            Username = auditEvent.Username,
            ErrorCode = auditEvent.Code is >= 400 and var code ? code.ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    private static string? IamTarget(JsonElement root, JsonElement? request, string eventName)
    {
        if (request is not { } parameters)
        {
            return null;
        }

        var account = String(root, "recipientAccountId") ?? (Object(root, "userIdentity") is { } id ? String(id, "accountId") : null);
        var partition = Object(root, "userIdentity") is { } u && String(u, "arn") is { } arn && arn.Split(':') is { Length: > 1 } parts ? parts[1] : AwsPartitions.Aws;
        var (kind, name) = eventName switch
        {
            "CreateAccessKey" or "AddUserToGroup" => ("user", String(parameters, "userName")),
            _ => ("role", String(parameters, "roleName")),
        };
        return name is null || account is null ? null : $"arn:{partition}:iam::{account}:{kind}/{name}";
    }

    private static AccessScope ReadScope(JsonElement scope) => new(
        String(scope, "type") ?? AccessScope.ClusterType,
        scope.TryGetProperty("namespaces", out var namespaces) && namespaces.ValueKind == JsonValueKind.Array
            ? [.. namespaces.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!)]
            : ImmutableArray<string>.Empty);

    private static string? DescribeLogging(JsonElement logging)
    {
        if (!logging.TryGetProperty("clusterLogging", out var setups) || setups.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var setup in setups.EnumerateArray())
        {
            var enabled = setup.TryGetProperty("enabled", out var flag) && flag.ValueKind == JsonValueKind.True;
            var types = setup.TryGetProperty("types", out var list) && list.ValueKind == JsonValueKind.Array
                ? string.Join(", ", list.EnumerateArray().Select(t => t.GetString()))
                : "";
            parts.Add($"{(enabled ? "enabled" : "disabled")}: {types}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? UpdateParam(JsonElement update, string type)
    {
        if (!update.TryGetProperty("params", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return parameters.EnumerateArray().Where(p => string.Equals(String(p, "type"), type, StringComparison.Ordinal)).Select(p => String(p, "value")).FirstOrDefault();
    }

    private static JsonElement? Object(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
