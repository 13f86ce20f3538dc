using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EksAccess.Cli.Tests.Fakes;

/// <summary>
/// The API discovery kubectl needs even for <c>apply --dry-run=client</c> (it maps kinds to resources before it
/// sends anything): /api, /api/v1, /apis, /apis/rbac.authorization.k8s.io/v1, /apis/batch/v1 on 127.0.0.1, everything else 404 with a
/// Status body, as a real API server answers a GET for an object that does not exist.
/// </summary>
internal sealed class KubeDiscoveryStub : IAsyncDisposable
{
    private const string CoreResources = """
        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
         {"name":"namespaces","singularName":"namespace","namespaced":false,"kind":"Namespace","verbs":["create","delete","get","list","patch","update","watch"],"shortNames":["ns"]},
         {"name":"resourcequotas","singularName":"resourcequota","namespaced":true,"kind":"ResourceQuota","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["quota"]},
         {"name":"limitranges","singularName":"limitrange","namespaced":true,"kind":"LimitRange","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["limits"]},
         {"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["cm"]},
         {"name":"serviceaccounts","singularName":"serviceaccount","namespaced":true,"kind":"ServiceAccount","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["sa"]}]}
        """;

    private const string RbacResources = """
        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"rbac.authorization.k8s.io/v1","resources":[
         {"name":"clusterrolebindings","singularName":"clusterrolebinding","namespaced":false,"kind":"ClusterRoleBinding","verbs":["create","delete","deletecollection","get","list","patch","update","watch"]},
         {"name":"clusterroles","singularName":"clusterrole","namespaced":false,"kind":"ClusterRole","verbs":["create","delete","deletecollection","get","list","patch","update","watch"]},
         {"name":"rolebindings","singularName":"rolebinding","namespaced":true,"kind":"RoleBinding","verbs":["create","delete","deletecollection","get","list","patch","update","watch"]},
         {"name":"roles","singularName":"role","namespaced":true,"kind":"Role","verbs":["create","delete","deletecollection","get","list","patch","update","watch"]}]}
        """;

    private const string BatchResources = """
        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"batch/v1","resources":[
         {"name":"cronjobs","singularName":"cronjob","namespaced":true,"kind":"CronJob","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["cj"]},
         {"name":"jobs","singularName":"job","namespaced":true,"kind":"Job","verbs":["create","delete","deletecollection","get","list","patch","update","watch"]}]}
        """;

    private const string Groups = """
        {"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"rbac.authorization.k8s.io",
         "versions":[{"groupVersion":"rbac.authorization.k8s.io/v1","version":"v1"}],
         "preferredVersion":{"groupVersion":"rbac.authorization.k8s.io/v1","version":"v1"}},
         {"name":"batch","versions":[{"groupVersion":"batch/v1","version":"v1"}],"preferredVersion":{"groupVersion":"batch/v1","version":"v1"}}]}
        """;

    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    private KubeDiscoveryStub(int port)
    {
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>Requests seen, as "GET /path", for diagnostics.</summary>
    public List<string> Requests { get; } = [];

    public static KubeDiscoveryStub Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new KubeDiscoveryStub(port);
    }

    /// <summary>A kubeconfig whose current context points at the stub.</summary>
    public string Kubeconfig() => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: stub
          cluster:
            server: {Url}
        contexts:
        - name: stub
          context:
            cluster: stub
            user: stub
        current-context: stub
        users:
        - name: stub
          user:
            token: test-token
        """;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            lock (Requests)
            {
                Requests.Add($"{context.Request.HttpMethod} {path}");
            }

            var (status, body) = path switch
            {
                "/api" => (200, $$"""{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"{{Url[7..]}}"}]}"""),
                "/api/v1" => (200, CoreResources),
                "/apis" => (200, Groups),
                "/apis/rbac.authorization.k8s.io/v1" => (200, RbacResources),
                "/apis/batch/v1" => (200, BatchResources),
                _ => (404, $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"{{path}} not found","reason":"NotFound","code":404}"""),
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
