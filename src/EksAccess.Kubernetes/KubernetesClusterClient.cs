using System.Collections.Immutable;
using System.Text.Json;
using EksAccess.Core.Authorization;
using EksAccess.Core.Rendering;
using EksAccess.Core.Snapshots;
using k8s;
using k8s.Autorest;
using k8s.Models;
using EksAccess.Core.Desired;

namespace EksAccess.Kubernetes;

/// <summary><see cref="IKubernetesClusterClient"/> over KubernetesClient's <see cref="IKubernetes"/>.</summary>
public sealed class KubernetesClusterClient : IKubernetesClusterClient, IDisposable
{
    public const string FieldManager = "eksaccess";

    private const int PageSize = 500;

    private readonly IKubernetes _client;
    private readonly bool _ownsClient;

    public KubernetesClusterClient(IKubernetes client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    private KubernetesClusterClient(IKubernetes client, bool ownsClient)
        : this(client)
    {
        _ownsClient = ownsClient;
    }

    /// <summary>A client for the cluster <paramref name="options"/> names (see <see cref="KubeconfigResolver"/>).</summary>
    public static KubernetesClusterClient Create(KubernetesConnectionOptions options) =>
        new(new k8s.Kubernetes(KubeconfigResolver.Resolve(options)), ownsClient: true);

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    public async Task<ClusterSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        var namespaces = ListAsync("v1 namespaces", (token, ct) => _client.CoreV1.ListNamespaceAsync(continueParameter: token, limit: PageSize, cancellationToken: ct), l => l.Items, l => l.Metadata, cancellationToken);
        var quotas = ListAsync("v1 resourcequotas", (token, ct) => _client.CoreV1.ListResourceQuotaForAllNamespacesAsync(continueParameter: token, limit: PageSize, cancellationToken: ct), l => l.Items, l => l.Metadata, cancellationToken);
        var limits = ListAsync("v1 limitranges", (token, ct) => _client.CoreV1.ListLimitRangeForAllNamespacesAsync(continueParameter: token, limit: PageSize, cancellationToken: ct), l => l.Items, l => l.Metadata, cancellationToken);
        var accounts = ListAsync("v1 serviceaccounts", (token, ct) => _client.CoreV1.ListServiceAccountForAllNamespacesAsync(continueParameter: token, limit: PageSize, cancellationToken: ct), l => l.Items, l => l.Metadata, cancellationToken);
        var roles = ListAsync("rbac.authorization.k8s.io/v1 roles", (token, ct) => _client.RbacAuthorizationV1.ListRoleForAllNamespacesAsync(continueParameter: token, limit: PageSize, cancellationToken: ct), l => l.Items, l => l.Metadata, cancellationToken);
        var bindings = ListAsync("rbac.authorization.k8s.io/v1 rolebindings", (token, ct) => _client.RbacAuthorizationV1.ListRoleBindingForAllNamespacesAsync(continueParameter: token, limit: PageSize, cancellationToken: ct), l => l.Items, l => l.Metadata, cancellationToken);
        var clusterRoles = ListAsync("rbac.authorization.k8s.io/v1 clusterroles", (token, ct) => _client.RbacAuthorizationV1.ListClusterRoleAsync(continueParameter: token, limit: PageSize, cancellationToken: ct), l => l.Items, l => l.Metadata, cancellationToken);
        var clusterBindings = ListAsync("rbac.authorization.k8s.io/v1 clusterrolebindings", (token, ct) => _client.RbacAuthorizationV1.ListClusterRoleBindingAsync(continueParameter: token, limit: PageSize, cancellationToken: ct), l => l.Items, l => l.Metadata, cancellationToken);
        var crds = ListAsync("apiextensions.k8s.io/v1 customresourcedefinitions", (token, ct) => _client.ApiextensionsV1.ListCustomResourceDefinitionAsync(continueParameter: token, limit: PageSize, cancellationToken: ct), l => l.Items, l => l.Metadata, cancellationToken);
        var awsAuth = ReadConfigMapAsync(AwsAuthWriter.ConfigMapNamespace, AwsAuthWriter.ConfigMapName, cancellationToken);
        await Task.WhenAll(namespaces, quotas, limits, accounts, roles, bindings, clusterRoles, clusterBindings, crds, awsAuth);

        return new ClusterSnapshot
        {
            Namespaces = [.. (await namespaces).Select(KubernetesModels.ToCore)],
            ResourceQuotas = [.. (await quotas).Select(KubernetesModels.ToCore)],
            LimitRanges = [.. (await limits).Select(KubernetesModels.ToCore)],
            ServiceAccounts = [.. (await accounts).Select(KubernetesModels.ToCore)],
            Roles = [.. (await roles).Select(KubernetesModels.ToCore)],
            RoleBindings = [.. (await bindings).Select(KubernetesModels.ToCore)],
            ClusterRoles = [.. (await clusterRoles).Select(KubernetesModels.ToCore)],
            ClusterRoleBindings = [.. (await clusterBindings).Select(KubernetesModels.ToCore)],
            CustomResourceDefinitions = [.. (await crds).Select(KubernetesModels.ToCore)],
            AwsAuth = (await awsAuth)?.Object,
        };
    }

    public async Task<LiveConfigMap?> ReadConfigMapAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            var configMap = await CallAsync($"GET v1 configmaps {@namespace}/{name}", ct => _client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace, cancellationToken: ct), cancellationToken);
            return Live(configMap);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    public async Task<LiveConfigMap> CreateConfigMapAsync(ConfigMapObject configMap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        var body = new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta
            {
                Name = configMap.Name,
                NamespaceProperty = configMap.Namespace,
                Labels = configMap.Labels.Count == 0 ? null : new Dictionary<string, string>(configMap.Labels, StringComparer.Ordinal),
                Annotations = configMap.Annotations.Count == 0 ? null : new Dictionary<string, string>(configMap.Annotations, StringComparer.Ordinal),
            },
            Data = new Dictionary<string, string>(configMap.Data, StringComparer.Ordinal),
        };
        var created = await CallAsync(
            $"POST v1 configmaps {configMap.Namespace}/{configMap.Name}",
            ct => _client.CoreV1.CreateNamespacedConfigMapAsync(body, configMap.Namespace, fieldManager: FieldManager, cancellationToken: ct),
            cancellationToken);
        return Live(created);
    }

    public async Task<LiveConfigMap> ReplaceConfigMapAsync(LiveConfigMap current, ConfigMapObject updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        var body = KubernetesJson.Deserialize<V1ConfigMap>(current.Raw);
        body.Data = new Dictionary<string, string>(updated.Data, StringComparer.Ordinal);
        body.Metadata.Annotations = updated.Annotations.Count == 0 ? null : new Dictionary<string, string>(updated.Annotations, StringComparer.Ordinal);
        body.Metadata.ResourceVersion = current.ResourceVersion;
        var replaced = await CallAsync(
            $"PUT v1 configmaps {updated.Namespace}/{updated.Name}",
            ct => _client.CoreV1.ReplaceNamespacedConfigMapAsync(body, updated.Name, updated.Namespace, fieldManager: FieldManager, cancellationToken: ct),
            cancellationToken);
        return Live(replaced);
    }

    public async Task ApplyAsync(KubernetesManifest manifest, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var patch = new V1Patch(YamlJson.Convert(manifest.Yaml), V1Patch.PatchType.ApplyPatch);
        var name = manifest.Name;
        var ns = manifest.Namespace!;
        var call = $"PATCH apply {manifest.ApiVersion} {manifest.Resource} {manifest.Id}";
        Func<CancellationToken, Task> send = manifest.Resource switch
        {
            "namespaces" => ct => _client.CoreV1.PatchNamespaceAsync(patch, name, fieldManager: FieldManager, force: force, cancellationToken: ct),
            "resourcequotas" => ct => _client.CoreV1.PatchNamespacedResourceQuotaAsync(patch, name, ns, fieldManager: FieldManager, force: force, cancellationToken: ct),
            "limitranges" => ct => _client.CoreV1.PatchNamespacedLimitRangeAsync(patch, name, ns, fieldManager: FieldManager, force: force, cancellationToken: ct),
            "configmaps" => ct => _client.CoreV1.PatchNamespacedConfigMapAsync(patch, name, ns, fieldManager: FieldManager, force: force, cancellationToken: ct),
            "clusterroles" => ct => _client.RbacAuthorizationV1.PatchClusterRoleAsync(patch, name, fieldManager: FieldManager, force: force, cancellationToken: ct),
            "roles" => ct => _client.RbacAuthorizationV1.PatchNamespacedRoleAsync(patch, name, ns, fieldManager: FieldManager, force: force, cancellationToken: ct),
            "rolebindings" => ct => _client.RbacAuthorizationV1.PatchNamespacedRoleBindingAsync(patch, name, ns, fieldManager: FieldManager, force: force, cancellationToken: ct),
            "clusterrolebindings" => ct => _client.RbacAuthorizationV1.PatchClusterRoleBindingAsync(patch, name, fieldManager: FieldManager, force: force, cancellationToken: ct),
            _ => throw new ArgumentException($"eksaccess does not apply {manifest.Resource}", nameof(manifest)),
        };
        await CallAsync(call, async ct =>
        {
            await send(ct);
            return true;
        }, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string apiVersion, string resource, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var ns = @namespace!;
        Func<CancellationToken, Task> send = resource switch
        {
            "namespaces" => ct => _client.CoreV1.DeleteNamespaceAsync(name, cancellationToken: ct),
            "resourcequotas" => ct => _client.CoreV1.DeleteNamespacedResourceQuotaAsync(name, ns, cancellationToken: ct),
            "limitranges" => ct => _client.CoreV1.DeleteNamespacedLimitRangeAsync(name, ns, cancellationToken: ct),
            "clusterroles" => ct => _client.RbacAuthorizationV1.DeleteClusterRoleAsync(name, cancellationToken: ct),
            "roles" => ct => _client.RbacAuthorizationV1.DeleteNamespacedRoleAsync(name, ns, cancellationToken: ct),
            "rolebindings" => ct => _client.RbacAuthorizationV1.DeleteNamespacedRoleBindingAsync(name, ns, cancellationToken: ct),
            "clusterrolebindings" => ct => _client.RbacAuthorizationV1.DeleteClusterRoleBindingAsync(name, cancellationToken: ct),
            _ => throw new ArgumentException($"eksaccess does not delete {resource}", nameof(resource)),
        };
        try
        {
            await CallAsync($"DELETE {apiVersion} {resource} {(@namespace is null ? name : $"{@namespace}/{name}")}", async ct =>
            {
                await send(ct);
                return true;
            }, cancellationToken);
            return true;
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return false;
        }
    }

    public async Task<SubjectAccessReviewResult> ReviewAccessAsync(UserInfo user, AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        var spec = new V1SubjectAccessReviewSpec
        {
            User = user.Name,
            Groups = user.Groups.IsDefault ? [] : [.. user.Groups],
        };
        if (request.IsResourceRequest)
        {
            spec.ResourceAttributes = new V1ResourceAttributes
            {
                Verb = request.Verb,
                Group = request.ApiGroup,
                Resource = request.Resource,
                Subresource = NullIfEmpty(request.Subresource),
                Name = NullIfEmpty(request.Name),
                NamespaceProperty = NullIfEmpty(request.Namespace),
            };
        }
        else
        {
            spec.NonResourceAttributes = new V1NonResourceAttributes { Path = request.Path, Verb = request.Verb };
        }

        var body = new V1SubjectAccessReview { ApiVersion = "authorization.k8s.io/v1", Kind = "SubjectAccessReview", Spec = spec };
        var review = await CallAsync(
            "POST authorization.k8s.io/v1 subjectaccessreviews",
            ct => _client.AuthorizationV1.CreateSubjectAccessReviewAsync(body, cancellationToken: ct),
            cancellationToken);
        var status = review.Status;
        return new SubjectAccessReviewResult(status?.Allowed ?? false, status?.Denied ?? false, status?.Reason ?? "", status?.EvaluationError ?? "");
    }

    /// <summary>Turns KubernetesClient's errors into <see cref="KubernetesApiException"/> with the Status body's reason and causes.</summary>
    internal static async Task<T> CallAsync<T>(string call, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken);
        }
        catch (HttpOperationException ex)
        {
            var (reason, message, causes) = ParseStatus(ex.Response?.Content);
            throw new KubernetesApiException(call, ex.Response?.StatusCode, reason, message.Length == 0 ? ex.Message : message, causes, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new KubernetesApiException(call, null, "", $"cannot reach the API server: {ex.Message}", [], ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KubernetesApiException(call, null, "Timeout", "the API server did not answer in time", [], ex);
        }
    }

    private static async Task<List<TItem>> ListAsync<TList, TItem>(
        string what,
        Func<string?, CancellationToken, Task<TList>> page,
        Func<TList, IList<TItem>> items,
        Func<TList, V1ListMeta?> metadata,
        CancellationToken cancellationToken)
    {
        var result = new List<TItem>();
        string? token = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var current = token;
            var list = await CallAsync($"GET {what}", ct => page(current, ct), cancellationToken);
            result.AddRange(items(list) ?? []);
            token = metadata(list)?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(token) && seen.Add(token));

        return result;
    }

    private static LiveConfigMap Live(V1ConfigMap configMap) => new(
        KubernetesModels.ToCore(configMap),
        configMap.Metadata.ResourceVersion ?? "",
        KubernetesJson.Serialize(configMap),
        KubernetesYaml.Serialize(configMap));

    private static (string Reason, string Message, ImmutableArray<KubernetesStatusCause> Causes) ParseStatus(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return ("", "", []);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ("", "", []);
            }

            var causes = ImmutableArray.CreateBuilder<KubernetesStatusCause>();
            if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object
                && details.TryGetProperty("causes", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var cause in list.EnumerateArray())
                {
                    causes.Add(new KubernetesStatusCause(Text(cause, "reason"), Text(cause, "message"), Text(cause, "field")));
                }
            }

            return (Text(root, "reason"), Text(root, "message"), causes.ToImmutable());
        }
        catch (JsonException)
        {
            return ("", content.Length > 200 ? content[..200] : content, []);
        }
    }

    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
