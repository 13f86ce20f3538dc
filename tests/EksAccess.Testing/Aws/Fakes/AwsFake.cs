using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EksAccess.Testing.Aws;

/// <summary>
/// An in-process AWS front (Kestrel on 127.0.0.1:0) for what moto lacks: the EKS access-entry and access-policy
/// operations (paths, methods, status codes, <c>x-amzn-ErrorType</c> + JSON error bodies, pagination), EKS
/// <c>accessConfig</c> and real-looking update objects, and CloudTrail LookupEvents. Everything else is forwarded to
/// moto unchanged. It records every request and can inject faults.
/// </summary>
public sealed partial class AwsFake : IAsyncDisposable
{
    public const string AccountId = "123456789012";

    private static readonly string[] AccessPolicyNames =
    [
        "AmazonEKSAdminPolicy", "AmazonEKSAdminViewPolicy", "AmazonEKSClusterAdminPolicy", "AmazonEKSEditPolicy", "AmazonEKSViewPolicy",
    ];

    private readonly WebApplication _app;
    private readonly HttpClient _forward;
    private readonly Uri _moto;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeCluster> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _updates = new(StringComparer.Ordinal);
    private readonly List<FaultRule> _faults = [];
    private readonly List<JsonObject> _cloudTrailEvents = [];

    private AwsFake(WebApplication app, Uri moto)
    {
        _app = app;
        _moto = moto;
        _forward = new HttpClient { BaseAddress = moto };
    }

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<AwsFake> StartAsync(Uri moto, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new AwsFake(app, moto);
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.Url = new Uri(address + "/");
        return fake;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _clusters.Clear();
            _updates.Clear();
            _faults.Clear();
            _cloudTrailEvents.Clear();
            _logGroups.Clear();
        }

        Requests.Clear();
    }

    public void AddFault(Func<RecordedRequest, bool> matches, int count, FakeResponse response)
    {
        lock (_gate)
        {
            _faults.Add(new FaultRule(matches, count, response));
        }
    }

    public void AddCloudTrailEvent(string eventName, string username, DateTime eventTime, string resourceName)
    {
        var id = Guid.NewGuid().ToString();
        var record = new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["eventTime"] = eventTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["eventSource"] = "eks.amazonaws.com",
            ["eventName"] = eventName,
            ["userIdentity"] = new JsonObject { ["type"] = "IAMUser", ["userName"] = username },
        };
        lock (_gate)
        {
            _cloudTrailEvents.Add(new JsonObject
            {
                ["EventId"] = id,
                ["EventName"] = eventName,
                ["ReadOnly"] = "false",
                ["AccessKeyId"] = "AKIAFAKE",
                ["EventTime"] = (eventTime - DateTime.UnixEpoch).TotalSeconds,
                ["EventSource"] = "eks.amazonaws.com",
                ["Username"] = username,
                ["Resources"] = new JsonArray(new JsonObject { ["ResourceType"] = "AWS::EKS::Cluster", ["ResourceName"] = resourceName }),
                ["CloudTrailEvent"] = record.ToJsonString(),
            });
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsFor(string service) =>
        Requests.Where(r => string.Equals(r.Service, service, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? "" : rawTarget[queryStart..];
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var service = ServiceOf(headers.GetValueOrDefault("Authorization"));
        var recorded = new RecordedRequest(service, context.Request.Method, rawPath, rawQuery, headers, Encoding.UTF8.GetString(body));
        Requests.Enqueue(recorded);

        var response = Fault(recorded) ?? service switch
        {
            "eks" => HandleEks(recorded),
            "cloudtrail" => HandleCloudTrail(recorded),
            "logs" => HandleLogs(recorded),
            _ => null,
        };

        if (response is null)
        {
            using var answer = await ForwardAsync(context, rawTarget, body, recorded);
            var text = await answer.Content.ReadAsStringAsync(context.RequestAborted);
            if (IsLoggingUpdate(recorded) && answer.IsSuccessStatusCode)
            {
                // moto stored the logging change and answered {}; answer with an update, as real EKS does.
                await WriteAsync(context, LoggingUpdate(recorded));
                return;
            }

            text = AfterMoto(recorded, (int)answer.StatusCode, text);
            context.Response.StatusCode = (int)answer.StatusCode;
            foreach (var header in answer.Headers.Concat(answer.Content.Headers))
            {
                if (header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                context.Response.Headers[header.Key] = header.Value.ToArray();
            }

            await context.Response.WriteAsync(text, context.RequestAborted);
            return;
        }

        await WriteAsync(context, response);
    }

    private FakeResponse? Fault(RecordedRequest request)
    {
        lock (_gate)
        {
            var rule = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Matches(request));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            return rule.Response;
        }
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse response)
    {
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (response.ErrorType is not null)
        {
            context.Response.Headers["x-amzn-ErrorType"] = response.ErrorType + ":http://internal.amazon.com/coral/com.amazonaws.eks/";
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpContext context, string rawTarget, byte[] body, RecordedRequest recorded)
    {
        using var message = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_moto, rawTarget));
        if (body.Length > 0 || context.Request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var (name, value) in recorded.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await _forward.SendAsync(message, context.RequestAborted);
    }

    private static bool IsLoggingUpdate(RecordedRequest request) =>
        string.Equals(request.Service, "eks", StringComparison.Ordinal) && string.Equals(request.Method, "POST", StringComparison.Ordinal)
        && Segments(request.RawPath) is ["clusters", _, "update-config"] && !HasAccessConfig(request);

    /// <summary>Remembers clusters moto created and adds the <c>accessConfig</c> moto drops from DescribeCluster.</summary>
    private string AfterMoto(RecordedRequest request, int status, string text)
    {
        if (!string.Equals(request.Service, "eks", StringComparison.Ordinal) || status != 200)
        {
            return text;
        }

        var segments = Segments(request.RawPath);
        if (string.Equals(request.Method, "POST", StringComparison.Ordinal) && segments is ["clusters"])
        {
            var input = JsonNode.Parse(request.Body)!.AsObject();
            var name = (string)input["name"]!;
            var mode = (string?)input["accessConfig"]?["authenticationMode"] ?? "CONFIG_MAP";
            var bootstrap = (bool?)input["accessConfig"]?["bootstrapClusterCreatorAdminPermissions"] ?? true;
            lock (_gate)
            {
                _clusters[name] = new FakeCluster(name, mode, bootstrap);
            }

            return PatchCluster(text, name);
        }

        if (string.Equals(request.Method, "GET", StringComparison.Ordinal) && segments is ["clusters", var clusterName])
        {
            return PatchCluster(text, clusterName);
        }

        return text;
    }

    private string PatchCluster(string text, string name)
    {
        var document = JsonNode.Parse(text)!.AsObject();
        FakeCluster? cluster;
        lock (_gate)
        {
            cluster = _clusters.GetValueOrDefault(name);
        }

        if (cluster is not null && document["cluster"] is JsonObject body)
        {
            body["accessConfig"] = new JsonObject
            {
                ["bootstrapClusterCreatorAdminPermissions"] = cluster.BootstrapClusterCreatorAdminPermissions,
                ["authenticationMode"] = cluster.AuthenticationMode,
            };
        }

        return document.ToJsonString();
    }

    private FakeResponse? HandleEks(RecordedRequest request)
    {
        var segments = Segments(request.RawPath);
        lock (_gate)
        {
            return (request.Method, segments) switch
            {
                ("GET", ["access-policies"]) => ListAccessPolicies(request),
                ("POST", ["clusters", var name, "update-config"]) when HasAccessConfig(request) => UpdateAccessConfig(name, request),
                ("GET", ["clusters", var name, "updates", var id]) => DescribeUpdate(name, id),
                ("POST", ["clusters", var name, "access-entries"]) => WithApiCluster(name, c => CreateAccessEntry(c, request)),
                ("GET", ["clusters", var name, "access-entries"]) => WithApiCluster(name, c => ListAccessEntries(c, request)),
                ("GET", ["clusters", var name, "access-entries", var arn]) => WithEntry(name, arn, (_, e) => FakeResponse.Ok(Wrap("accessEntry", e.ToJson()))),
                ("POST", ["clusters", var name, "access-entries", var arn]) => WithEntry(name, arn, (_, e) => UpdateAccessEntry(e, request)),
                ("DELETE", ["clusters", var name, "access-entries", var arn]) => WithEntry(name, arn, (c, e) => DeleteAccessEntry(c, e)),
                ("POST", ["clusters", var name, "access-entries", var arn, "access-policies"]) => WithEntry(name, arn, (c, e) => AssociateAccessPolicy(c, e, request)),
                ("GET", ["clusters", var name, "access-entries", var arn, "access-policies"]) => WithEntry(name, arn, (c, e) => ListAssociatedAccessPolicies(c, e, request)),
                ("DELETE", ["clusters", var name, "access-entries", var arn, "access-policies", var policy]) => WithEntry(name, arn, (_, e) => DisassociateAccessPolicy(e, policy)),
                ("POST", ["tags", var resource]) => WithTaggable(resource, e => TagResource(e, request)),
                ("DELETE", ["tags", var resource]) => WithTaggable(resource, e => UntagResource(e, request)),
                _ => null,
            };
        }
    }

    private static bool HasAccessConfig(RecordedRequest request) =>
        JsonNode.Parse(request.Body)?["accessConfig"] is not null;

    private FakeResponse UpdateAccessConfig(string name, RecordedRequest request)
    {
        if (!_clusters.TryGetValue(name, out var cluster))
        {
            return NoCluster(name);
        }

        var mode = (string?)JsonNode.Parse(request.Body)!["accessConfig"]!["authenticationMode"];
        var order = new[] { "CONFIG_MAP", "API_AND_CONFIG_MAP", "API" };
        var from = Array.IndexOf(order, cluster.AuthenticationMode);
        var to = Array.IndexOf(order, mode);
        if (to < 0)
        {
            return FakeResponse.Error(400, "InvalidParameterException", $"Unsupported authentication mode: {mode}");
        }

        if (to <= from)
        {
            return FakeResponse.Error(400, "InvalidParameterException", $"Unsupported authentication mode update from {cluster.AuthenticationMode} to {mode}");
        }

        cluster.AuthenticationMode = mode!;
        return NewUpdate(name, "AccessConfigUpdate", "AuthenticationMode", mode!);
    }

    private FakeResponse LoggingUpdate(RecordedRequest request)
    {
        var logging = JsonNode.Parse(request.Body)!["logging"]?.ToJsonString() ?? "{}";
        lock (_gate)
        {
            return NewUpdate(Segments(request.RawPath)[1], "LoggingUpdate", "ClusterLogging", logging);
        }
    }

    private FakeResponse NewUpdate(string name, string type, string paramType, string value)
    {
        var id = Guid.NewGuid().ToString();
        var update = new JsonObject
        {
            ["id"] = id,
            ["status"] = "Successful",
            ["type"] = type,
            ["params"] = new JsonArray(new JsonObject { ["type"] = paramType, ["value"] = value }),
            ["createdAt"] = Now(),
            ["errors"] = new JsonArray(),
        };
        _updates[name + "/" + id] = update;
        return FakeResponse.Ok(Wrap("update", update.DeepClone()));
    }

    private FakeResponse DescribeUpdate(string name, string id) =>
        _updates.TryGetValue(name + "/" + id, out var update)
            ? FakeResponse.Ok(Wrap("update", update.DeepClone()))
            : FakeResponse.Error(404, "ResourceNotFoundException", $"No update found for ID: {id}");

    private FakeResponse? WithApiCluster(string name, Func<FakeCluster, FakeResponse> handle)
    {
        if (!_clusters.TryGetValue(name, out var cluster))
        {
            return NoCluster(name);
        }

        if (string.Equals(cluster.AuthenticationMode, "CONFIG_MAP", StringComparison.Ordinal))
        {
            return FakeResponse.Error(400, "InvalidRequestException", "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.");
        }

        return handle(cluster);
    }

    private FakeResponse? WithEntry(string name, string rawArn, Func<FakeCluster, FakeAccessEntry, FakeResponse> handle) =>
        WithApiCluster(name, cluster =>
            cluster.Entries.TryGetValue(rawArn, out var entry)
                ? handle(cluster, entry)
                : FakeResponse.Error(404, "ResourceNotFoundException", "The specified principalArn could not be found. You can view your available access entries with 'list-access-entries'."));

    /// <summary>TagResource/UntagResource on an access entry, by its accessEntryArn (the only taggable resource the fake holds).</summary>
    private FakeResponse WithTaggable(string resourceArn, Func<FakeAccessEntry, FakeResponse> handle)
    {
        var entry = _clusters.Values.SelectMany(c => c.Entries.Values).FirstOrDefault(e => string.Equals(e.AccessEntryArn, resourceArn, StringComparison.Ordinal));
        return entry is null
            ? FakeResponse.Error(404, "NotFoundException", $"Resource {resourceArn} not found")
            : handle(entry);
    }

    /// <summary>Keys and values as EKS checks them (botocore eks TagKey 1–128, TagValue ≤256, at most 50 tags, no aws: prefix).</summary>
    private static FakeResponse TagResource(FakeAccessEntry entry, RecordedRequest request)
    {
        var tags = JsonNode.Parse(request.Body)?["tags"]?.AsObject();
        if (tags is null || tags.Count == 0)
        {
            return FakeResponse.Error(400, "BadRequestException", "tags must not be empty");
        }

        foreach (var (key, value) in tags)
        {
            var text = (string?)value ?? "";
            if (key.Length is 0 or > 128 || text.Length > 256 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                return FakeResponse.Error(400, "BadRequestException", $"invalid tag {key}");
            }
        }

        var merged = new Dictionary<string, string>(entry.Tags, StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            merged[key] = (string?)value ?? "";
        }

        if (merged.Count > 50)
        {
            return FakeResponse.Error(400, "BadRequestException", "a resource can have at most 50 tags");
        }

        foreach (var (key, value) in merged)
        {
            entry.Tags[key] = value;
        }

        return FakeResponse.Ok("{}");
    }

    private static FakeResponse UntagResource(FakeAccessEntry entry, RecordedRequest request)
    {
        var keys = request.Query.Where(q => string.Equals(q.Key, "tagKeys", StringComparison.Ordinal)).Select(q => q.Value).ToList();
        if (keys.Count == 0)
        {
            return FakeResponse.Error(400, "BadRequestException", "tagKeys must not be empty");
        }

        foreach (var key in keys)
        {
            entry.Tags.Remove(key);
        }

        return FakeResponse.Ok("{}");
    }

    private static FakeResponse CreateAccessEntry(FakeCluster cluster, RecordedRequest request)
    {
        var input = JsonNode.Parse(request.Body)!.AsObject();
        var principalArn = (string?)input["principalArn"];
        if (principalArn is null)
        {
            return FakeResponse.Error(400, "InvalidParameterException", "principalArn is required");
        }

        var match = PrincipalArn().Match(principalArn);
        if (!match.Success)
        {
            return FakeResponse.Error(400, "InvalidParameterException", $"The principalArn parameter format is not valid: {principalArn}");
        }

        var groups = input["kubernetesGroups"]?.AsArray().Select(g => (string)g!).ToList() ?? [];
        if (groups.FirstOrDefault(g => g.StartsWith("system:", StringComparison.Ordinal)) is { } reserved)
        {
            return FakeResponse.Error(400, "InvalidParameterException", $"The kubernetes group name {reserved} is invalid, it cannot start with system:");
        }

        if (cluster.Entries.ContainsKey(principalArn))
        {
            return FakeResponse.Error(409, "ResourceInUseException", "The specified access entry resource is already in use on this cluster.");
        }

        var kind = match.Groups["kind"].Value;
        var roleName = match.Groups["name"].Value.Split('/')[^1];
        var type = (string?)input["type"] ?? "STANDARD";
        var username = (string?)input["username"]
            ?? (string.Equals(kind, "user", StringComparison.Ordinal) ? principalArn : $"arn:aws:sts::{match.Groups["account"].Value}:assumed-role/{roleName}/{{{{SessionName}}}}");
        var now = Now();
        var entry = new FakeAccessEntry
        {
            ClusterName = cluster.Name,
            PrincipalArn = principalArn,
            KubernetesGroups = groups,
            AccessEntryArn = $"arn:aws:eks:us-east-1:{AccountId}:access-entry/{cluster.Name}/{kind}/{match.Groups["account"].Value}/{roleName}/{Guid.NewGuid()}",
            CreatedAt = now,
            ModifiedAt = now,
            Tags = input["tags"]?.AsObject().ToDictionary(t => t.Key, t => (string)t.Value!, StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal),
            Username = username,
            Type = type,
        };
        cluster.Entries[principalArn] = entry;
        return FakeResponse.Ok(Wrap("accessEntry", entry.ToJson()));
    }

    private static FakeResponse ListAccessEntries(FakeCluster cluster, RecordedRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        var policy = query.GetValueOrDefault("associatedPolicyArn");
        var arns = cluster.Entries.Values
            .Where(e => policy is null || e.Policies.ContainsKey(policy))
            .Select(e => (JsonNode?)JsonValue.Create(e.PrincipalArn))
            .ToList();
        return Page(arns, query, "accessEntries", extra: null);
    }

    private static FakeResponse UpdateAccessEntry(FakeAccessEntry entry, RecordedRequest request)
    {
        var input = JsonNode.Parse(request.Body)!.AsObject();
        if (input["kubernetesGroups"] is JsonArray groups)
        {
            entry.KubernetesGroups = groups.Select(g => (string)g!).ToList();
        }

        if ((string?)input["username"] is { } username)
        {
            entry.Username = username;
        }

        entry.ModifiedAt = Now();
        return FakeResponse.Ok(Wrap("accessEntry", entry.ToJson()));
    }

    private static FakeResponse DeleteAccessEntry(FakeCluster cluster, FakeAccessEntry entry)
    {
        cluster.Entries.Remove(entry.PrincipalArn);
        return FakeResponse.Ok("{}");
    }

    private static FakeResponse AssociateAccessPolicy(FakeCluster cluster, FakeAccessEntry entry, RecordedRequest request)
    {
        var input = JsonNode.Parse(request.Body)!.AsObject();
        var policyArn = (string?)input["policyArn"];
        var scope = input["accessScope"] as JsonObject;
        if (policyArn is null || scope is null)
        {
            return FakeResponse.Error(400, "InvalidParameterException", "policyArn and accessScope are required");
        }

        if (!AccessPolicyNames.Any(n => string.Equals(policyArn, "arn:aws:eks::aws:cluster-access-policy/" + n, StringComparison.Ordinal)))
        {
            return FakeResponse.Error(404, "ResourceNotFoundException", $"The specified policyArn {policyArn} could not be found.");
        }

        var type = (string?)scope["type"];
        var namespaces = scope["namespaces"]?.AsArray().Select(n => (string)n!).ToList() ?? [];
        if (type is not ("cluster" or "namespace") || (string.Equals(type, "namespace", StringComparison.Ordinal) && namespaces.Count == 0) || (string.Equals(type, "cluster", StringComparison.Ordinal) && namespaces.Count > 0))
        {
            return FakeResponse.Error(400, "InvalidParameterException", $"The accessScope is not valid: type {type}, {namespaces.Count} namespaces.");
        }

        if (!string.Equals(entry.Type, "STANDARD", StringComparison.Ordinal))
        {
            return FakeResponse.Error(400, "InvalidRequestException", $"Access policies cannot be associated with access entries of type {entry.Type}.");
        }

        var now = Now();
        var associated = entry.Policies.TryGetValue(policyArn, out var existing)
            ? existing with { Type = type, Namespaces = namespaces, ModifiedAt = now }
            : new FakeAssociation(policyArn, type, namespaces, now, now);
        entry.Policies[policyArn] = associated;
        return FakeResponse.Ok(new JsonObject
        {
            ["clusterName"] = cluster.Name,
            ["principalArn"] = entry.PrincipalArn,
            ["associatedAccessPolicy"] = associated.ToJson(),
        }.ToJsonString());
    }

    private static FakeResponse ListAssociatedAccessPolicies(FakeCluster cluster, FakeAccessEntry entry, RecordedRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        var items = entry.Policies.Values.Select(p => (JsonNode?)p.ToJson()).ToList();
        return Page(items, query, "associatedAccessPolicies", new JsonObject { ["clusterName"] = cluster.Name, ["principalArn"] = entry.PrincipalArn });
    }

    private static FakeResponse DisassociateAccessPolicy(FakeAccessEntry entry, string rawPolicyArn) =>
        entry.Policies.Remove(rawPolicyArn)
            ? FakeResponse.Ok("{}")
            : FakeResponse.Error(404, "ResourceNotFoundException", $"The specified policyArn {rawPolicyArn} is not associated with the access entry.");

    private static FakeResponse ListAccessPolicies(RecordedRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        var items = AccessPolicyNames
            .Select(n => (JsonNode?)new JsonObject { ["name"] = n, ["arn"] = "arn:aws:eks::aws:cluster-access-policy/" + n })
            .ToList();
        return Page(items, query, "accessPolicies", extra: null);
    }

    private static FakeResponse Page(List<JsonNode?> items, Dictionary<string, string> query, string key, JsonObject? extra)
    {
        var max = 100;
        if (query.TryGetValue("maxResults", out var rawMax) && (!int.TryParse(rawMax, CultureInfo.InvariantCulture, out max) || max is < 1 or > 100))
        {
            return FakeResponse.Error(400, "InvalidParameterException", "maxResults must be between 1 and 100");
        }

        var start = 0;
        if (query.TryGetValue("nextToken", out var token))
        {
            try
            {
                start = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                return FakeResponse.Error(400, "InvalidParameterException", "The nextToken is not valid.");
            }
        }

        var result = extra ?? [];
        result[key] = new JsonArray([.. items.Skip(start).Take(max).Select(i => i?.DeepClone())]);
        if (start + max < items.Count)
        {
            result["nextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((start + max).ToString(CultureInfo.InvariantCulture)));
        }

        return FakeResponse.Ok(result.ToJsonString());
    }

    private FakeResponse? HandleCloudTrail(RecordedRequest request)
    {
        if (!string.Equals(request.Header("X-Amz-Target"), "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", StringComparison.Ordinal))
        {
            return null;
        }

        var input = JsonNode.Parse(request.Body)!.AsObject();
        var attributes = input["LookupAttributes"]?.AsArray() ?? [];
        if (attributes.Count > 1)
        {
            return new FakeResponse(400, """{"__type":"InvalidLookupAttributesException","Message":"You cannot specify more than one lookup attribute."}""");
        }

        var max = (int?)input["MaxResults"] ?? 50;
        if (max is < 1 or > 50)
        {
            return new FakeResponse(400, """{"__type":"InvalidMaxResultsException","Message":"MaxResults must be between 1 and 50."}""");
        }

        var start = (double?)input["StartTime"];
        var end = (double?)input["EndTime"];
        List<JsonObject> matching;
        lock (_gate)
        {
            matching = _cloudTrailEvents
                .Where(e => attributes.Count == 0 || string.Equals((string?)e[(string)attributes[0]!["AttributeKey"]!], (string?)attributes[0]!["AttributeValue"], StringComparison.Ordinal))
                .Where(e => (start is null || (double)e["EventTime"]! >= start) && (end is null || (double)e["EventTime"]! <= end))
                .OrderByDescending(e => (double)e["EventTime"]!)
                .ToList();
        }

        var offset = input["NextToken"] is { } token ? int.Parse((string)token!, CultureInfo.InvariantCulture) : 0;
        var result = new JsonObject { ["Events"] = new JsonArray([.. matching.Skip(offset).Take(max).Select(e => e.DeepClone())]) };
        if (offset + max < matching.Count)
        {
            result["NextToken"] = (offset + max).ToString(CultureInfo.InvariantCulture);
        }

        return new FakeResponse(200, result.ToJsonString(), ContentType: "application/x-amz-json-1.1");
    }

    private static FakeResponse NoCluster(string name) =>
        FakeResponse.Error(404, "ResourceNotFoundException", $"No cluster found for name: {name}.");

    private static string Wrap(string key, JsonNode value) => new JsonObject { [key] = value }.ToJsonString();

    private static double Now() => Math.Round((DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds, 3);

    /// <summary>The raw path's segments, each percent-decoded (so an ARN with %2F stays one segment).</summary>
    public static string[] Segments(string rawPath) =>
        rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

    private static string ServiceOf(string? authorization)
    {
        var match = authorization is null ? null : CredentialScope().Match(authorization);
        return match is { Success: true } ? match.Groups["service"].Value : "";
    }

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/[^/]+/(?<service>[^/]+)/aws4_request")]
    private static partial Regex CredentialScope();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(?<account>\d{12}):(?<kind>role|user)/(?<name>[\w+=,.@/-]+)$")]
    private static partial Regex PrincipalArn();
}
