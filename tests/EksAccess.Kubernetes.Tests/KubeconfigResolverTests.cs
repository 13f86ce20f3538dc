namespace EksAccess.Kubernetes.Tests;

public sealed class KubeconfigResolverTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eksaccess-kubeconfig-" + Guid.NewGuid().ToString("N"));

    public KubeconfigResolverTests()
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Resolve_ExplicitFileAndContext_UsesThatContext()
    {
        var path = Write("""
            apiVersion: v1
            kind: Config
            clusters:
            - name: a
              cluster: {server: "http://127.0.0.1:1"}
            - name: b
              cluster: {server: "http://127.0.0.1:2"}
            contexts:
            - name: one
              context: {cluster: a, user: u}
            - name: two
              context: {cluster: b, user: u}
            current-context: one
            users:
            - name: u
              user: {token: t}
            """);

        var configuration = KubeconfigResolver.Resolve(new KubernetesConnectionOptions { Kubeconfig = path, Context = "two", EnvironmentVariables = _ => null });

        configuration.Host.ShouldBe("http://127.0.0.1:2");
    }

    [Fact]
    public void Resolve_UnknownContext_ConfigurationError()
    {
        var path = Write("apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n");

        var ex = Should.Throw<KubernetesConfigurationException>(() => KubeconfigResolver.Resolve(new KubernetesConnectionOptions { Kubeconfig = path, Context = "nope", EnvironmentVariables = _ => null }));

        ex.Message.ShouldContain("context 'nope'");
    }

    [Fact]
    public void FindKubeconfig_KubeconfigVariable_FirstExistingFile()
    {
        var path = Write("apiVersion: v1\n");
        var missing = Path.Combine(_directory, "missing");

        var found = KubeconfigResolver.FindKubeconfig(new KubernetesConnectionOptions
        {
            EnvironmentVariables = name => name == "KUBECONFIG" ? missing + Path.PathSeparator + path : null,
        });

        found.ShouldBe(path);
    }

    [Fact]
    public void FindKubeconfig_MissingExplicitFile_ConfigurationError()
    {
        Should.Throw<KubernetesConfigurationException>(() => KubeconfigResolver.FindKubeconfig(new KubernetesConnectionOptions { Kubeconfig = Path.Combine(_directory, "nope") }))
            .Message.ShouldContain("does not exist");
    }

    [Fact]
    public void FindKubeconfig_HomeKubeConfig_UsedWhenNothingElse()
    {
        Directory.CreateDirectory(Path.Combine(_directory, ".kube"));
        File.WriteAllText(Path.Combine(_directory, ".kube", "config"), "apiVersion: v1\n");

        var found = KubeconfigResolver.FindKubeconfig(new KubernetesConnectionOptions { EnvironmentVariables = name => name == "HOME" ? _directory : null });

        found.ShouldBe(Path.Combine(_directory, ".kube", "config"));
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, "config-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, text);
        return path;
    }
}
