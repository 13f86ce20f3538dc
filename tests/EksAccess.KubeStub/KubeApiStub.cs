using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EksAccess.Core.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EksAccess.KubeStub;

/// <summary>
/// An in-process Kubernetes API server stub on 127.0.0.1 (Kestrel), faithful for the kinds eksaccess reads and writes:
/// real paths (/api/v1/namespaces/{ns}/configmaps/{name}, /apis/rbac.authorization.k8s.io/v1/…), list (with limit and
/// continue) / get / create (POST) / update (PUT) / delete, server-side apply (PATCH application/apply-patch+yaml,
/// fieldManager required, force, creates when absent, managedFields), resourceVersion and 409 Conflict on a stale
/// PUT, Status bodies for 400/401/403/404/409/415/422, the server's defaulting and canonical quantities (see
/// <see cref="KubeDefaults"/>), discovery for kubectl, and SubjectAccessReview answered from the stored RBAC (plus
/// the default roles) with Core's authorizer. A bearer token is required. <see cref="BeforeRequest"/> lets a test
/// write between a client's GET and its PUT; <see cref="Forbid"/> answers 403.
/// </summary>
public sealed class KubeApiStub : IAsyncDisposable
{
    public const string Token = "stub-token";
    public const string StubUser = "kubernetes-admin";

    private readonly WebApplication _app;

    private KubeApiStub(WebApplication app, KubeStore store, string url)
    {
        _app = app;
        Store = store;
        Url = url;
    }

    public KubeStore Store { get; }

    public string Url { get; }

    /// <summary>Every resource request, in arrival order (discovery excluded).</summary>
    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>Runs before a resource request is handled (outside the store's lock): a test can write in between.</summary>
    public Func<StubRequest, Task>? BeforeRequest { get; set; }

    /// <summary>
    /// Whether a request must carry <c>Authorization: Bearer</c> <see cref="Token"/> (else 401). kubectl never sends a bearer
    /// token over plain http, so tests driving the real kubectl turn this off; a wrong token is refused either way.
    /// </summary>
    public bool RequireToken { get; set; } = true;

    /// <summary>Requests for which it answers 403 Forbidden, as RBAC would.</summary>
    public Func<StubRequest, bool>? Forbid { get; set; }

    public static async Task<KubeApiStub> StartAsync(TimeProvider? time = null, bool seedDefaults = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var store = new KubeStore(time ?? TimeProvider.System);
        KubeApiStub? stub = null;
        app.Run(context => stub!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new KubeApiStub(app, store, address.TrimEnd('/'));
        if (seedDefaults)
        {
            KubeSeed.Defaults(store);
        }

        return stub;
    }

    /// <summary>A kubeconfig whose current context (<paramref name="context"/>) points at the stub with its token.</summary>
    public string Kubeconfig(string context = "stub") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: stub
          cluster:
            server: {Url}
        contexts:
        - name: {context}
          context:
            cluster: stub
            user: stub
        current-context: {context}
        users:
        - name: stub
          user:
            token: {Token}
        """;

    public string WriteKubeconfig(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, Kubeconfig());
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        try
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            if (authorization != $"Bearer {Token}" && (RequireToken || authorization.Length > 0))
            {
                await WriteAsync(context, HttpStatusCode.Unauthorized, new JsonObject
                {
                    ["kind"] = "Status",
                    ["apiVersion"] = "v1",
                    ["metadata"] = new JsonObject(),
                    ["status"] = "Failure",
                    ["message"] = "Unauthorized",
                    ["reason"] = "Unauthorized",
                    ["code"] = 401,
                });
                return;
            }

            if (Discovery(path) is { } document)
            {
                await WriteAsync(context, HttpStatusCode.OK, document);
                return;
            }

            var route = Route(context, path) ?? throw new KubeStatusException(HttpStatusCode.NotFound, "NotFound", "the server could not find the requested resource");
            Requests.Enqueue(route);
            if (BeforeRequest is { } before)
            {
                await before(route);
            }

            if (Forbid?.Invoke(route) == true)
            {
                throw KubeStatusException.Forbidden(StubUser, route.Verb, route.Resource!, route.Namespace, route.Name);
            }

            var (status, body) = await DispatchAsync(context, route);
            await WriteAsync(context, status, body);
        }
        catch (KubeStatusException ex)
        {
            await WriteAsync(context, ex.Code, ex.ToStatus());
        }
    }

    private JsonObject? Discovery(string path)
    {
        var segments = path.Trim('/').Split('/');
        return segments switch
        {
            ["api"] => KubeDiscovery.Versions(Url["http://".Length..]),
            ["api", "v1"] => KubeDiscovery.Resources("", "v1"),
            ["apis"] => KubeDiscovery.Groups(),
            ["apis", var group] when KubeResource.All.Any(r => r.Group == group) => KubeDiscovery.Group(group),
            ["apis", var group, var version] when KubeResource.All.Any(r => r.Group == group && r.Version == version) => KubeDiscovery.Resources(group, version),
            ["version"] => KubeDiscovery.Version(),
            _ => null,
        };
    }

    private static StubRequest? Route(HttpContext context, string path)
    {
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        string group;
        string version;
        string[] rest;
        switch (segments)
        {
            case ["api", "v1", .. var tail]:
                (group, version, rest) = ("", "v1", tail);
                break;
            case ["apis", var g, var v, .. var tail]:
                (group, version, rest) = (g, v, tail);
                break;
            default:
                return null;
        }

        string? ns = null;
        string plural;
        string? name = null;
        switch (rest)
        {
            case ["namespaces", var n, var p]:
                (ns, plural) = (n, p);
                break;
            case ["namespaces", var n, var p, var objectName]:
                (ns, plural, name) = (n, p, objectName);
                break;
            case [var p]:
                plural = p;
                break;
            case [var p, var objectName]:
                (plural, name) = (p, objectName);
                break;
            default:
                return null;
        }

        var resource = KubeResource.Find(group, version, plural);
        if (resource is null || (ns is not null && !resource.Namespaced))
        {
            return null;
        }

        var method = context.Request.Method;
        var verb = method switch
        {
            "GET" => name is null ? "list" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => method.ToLowerInvariant(),
        };
        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value : "";
        return new StubRequest(method, path + query, verb, resource, ns, name, context.Request.Query["fieldManager"].FirstOrDefault());
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> DispatchAsync(HttpContext context, StubRequest request)
    {
        var resource = request.Resource!;
        var query = context.Request.Query;
        if (query.ContainsKey("dryRun"))
        {
            throw KubeStatusException.BadRequest("the stub does not implement dryRun");
        }

        if (resource.Plural == "subjectaccessreviews")
        {
            return request.Verb == "create"
                ? (HttpStatusCode.Created, Review(await ReadBodyAsync(context)))
                : throw new KubeStatusException(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", $"the server does not allow this method on the requested resource");
        }

        switch (request.Verb)
        {
            case "list":
                return (HttpStatusCode.OK, List(resource, request.Namespace, query["limit"].FirstOrDefault(), query["continue"].FirstOrDefault()));
            case "get":
                return (HttpStatusCode.OK, Store.Get(resource, request.Namespace, request.Name!) ?? throw KubeStatusException.NotFound(resource, request.Name!));
            case "create" when request.Name is null:
                return (HttpStatusCode.Created, Store.Create(resource, request.Namespace, await ReadBodyAsync(context), Manager(context, request, "create")));
            case "update" when request.Name is not null:
                return (HttpStatusCode.OK, Store.Update(resource, request.Namespace, request.Name, await ReadBodyAsync(context), Manager(context, request, "update")));
            case "delete" when request.Name is not null:
                var deleted = Store.Delete(resource, request.Namespace, request.Name);
                if (resource.Plural == "namespaces")
                {
                    deleted["status"] = new JsonObject { ["phase"] = "Terminating" };
                    return (HttpStatusCode.OK, deleted);
                }

                return (HttpStatusCode.OK, new JsonObject
                {
                    ["kind"] = "Status",
                    ["apiVersion"] = "v1",
                    ["metadata"] = new JsonObject(),
                    ["status"] = "Success",
                    ["details"] = new JsonObject { ["name"] = request.Name, ["kind"] = resource.Plural, ["uid"] = deleted["metadata"]?["uid"]?.DeepClone() },
                });
            case "patch" when request.Name is not null:
                var contentType = context.Request.ContentType?.Split(';')[0].Trim() ?? "";
                if (contentType != "application/apply-patch+yaml")
                {
                    throw new KubeStatusException(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml (the stub implements server-side apply only; got {contentType})");
                }

                if (string.IsNullOrEmpty(request.FieldManager))
                {
                    throw KubeStatusException.BadRequest("PATCH requests that use the apply-patch+yaml content type must specify a fieldManager");
                }

                var force = query["force"].FirstOrDefault() == "true";
                var (applied, created) = Store.Apply(resource, request.Namespace, request.Name, await ReadBodyAsync(context), request.FieldManager, force);
                return (created ? HttpStatusCode.Created : HttpStatusCode.OK, applied);
            default:
                throw new KubeStatusException(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }
    }

    private JsonObject List(KubeResource resource, string? ns, string? limitText, string? continueToken)
    {
        var (items, revision) = Store.List(resource, ns);
        var offset = 0;
        if (!string.IsNullOrEmpty(continueToken))
        {
            try
            {
                offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(continueToken)), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw KubeStatusException.BadRequest("continue key is not valid");
            }
        }

        var limit = int.TryParse(limitText, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : int.MaxValue;
        var page = items.Skip(offset).Take(limit).ToList();
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (offset + page.Count < items.Count)
        {
            metadata["continue"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + page.Count).ToString(CultureInfo.InvariantCulture)));
            metadata["remainingItemCount"] = items.Count - offset - page.Count;
        }

        foreach (var item in page)
        {
            item.Remove("apiVersion");
            item.Remove("kind");
        }

        return new JsonObject
        {
            ["kind"] = resource.Kind + "List",
            ["apiVersion"] = resource.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page]),
        };
    }

    /// <summary>A SubjectAccessReview: spec.user and spec.groups exactly as sent (nothing added), authorized like the API server would.</summary>
    private JsonObject Review(JsonObject body)
    {
        var spec = body["spec"] as JsonObject ?? throw KubeStatusException.BadRequest("spec is required");
        var user = (string?)spec["user"] ?? "";
        var groups = (spec["groups"] as JsonArray ?? []).Select(g => (string?)g ?? "").ToImmutableArray();
        var resource = KubeResource.ByPlural("subjectaccessreviews");
        if (user.Length == 0 && groups.IsEmpty)
        {
            throw KubeStatusException.Invalid(resource, "", "spec.user", "Invalid value: \"\": at least one of user or group must be specified");
        }

        AccessRequest request;
        if (spec["resourceAttributes"] is JsonObject attributes)
        {
            request = AccessRequest.ForResource(
                (string?)attributes["verb"] ?? "",
                (string?)attributes["group"] ?? "",
                (string?)attributes["resource"] ?? "",
                (string?)attributes["subresource"] ?? "",
                (string?)attributes["name"] ?? "",
                (string?)attributes["namespace"] ?? "");
        }
        else if (spec["nonResourceAttributes"] is JsonObject nonResource)
        {
            request = AccessRequest.ForPath((string?)nonResource["verb"] ?? "", (string?)nonResource["path"] ?? "");
        }
        else
        {
            throw KubeStatusException.Invalid(resource, "", "spec.resourceAttributes", "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified");
        }

        var decision = Store.Authorizer().Authorize(AuthorizationSubject.WithoutAccessPolicies(new UserInfo(user, groups)), request);
        var status = new JsonObject { ["allowed"] = decision.Allowed };
        if (decision.Allowed)
        {
            status["reason"] = decision.Explain();
        }

        var answer = (JsonObject)body.DeepClone();
        answer["apiVersion"] = "authorization.k8s.io/v1";
        answer["kind"] = "SubjectAccessReview";
        answer["metadata"] = new JsonObject { ["creationTimestamp"] = null };
        answer["status"] = status;
        return answer;
    }

    private static string Manager(HttpContext context, StubRequest request, string verb)
    {
        if (!string.IsNullOrEmpty(request.FieldManager))
        {
            return request.FieldManager;
        }

        // As the API server: the user agent's program name (kubectl sets its own, e.g. kubectl-edit).
        var agent = context.Request.Headers.UserAgent.ToString();
        var program = agent.Split('/')[0].Trim();
        return program.Length == 0 ? $"unknown-{verb}" : program;
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            throw KubeStatusException.BadRequest("the request has no body");
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw KubeStatusException.BadRequest("the body is not an object");
        }
        catch (System.Text.Json.JsonException)
        {
            return YamlBody(text);
        }
    }

    /// <summary>A YAML body (apply-patch+yaml, application/yaml) as JSON, with YAML 1.2 core-schema typing of plain scalars.</summary>
    private static JsonObject YamlBody(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return ToJson(stream.Documents[0].RootNode) as JsonObject ?? throw KubeStatusException.BadRequest("the body is not an object");
        }
        catch (YamlException ex)
        {
            throw KubeStatusException.BadRequest($"error converting YAML to JSON: {ex.Message}");
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", ToJson(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => scalar.Value switch
        {
            null or "" or "null" or "~" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var v when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            var v => JsonValue.Create(v),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => null,
    };

    private static async Task WriteAsync(HttpContext context, HttpStatusCode status, JsonObject body)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
