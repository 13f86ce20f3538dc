using EksAccess.KubeStub;
using k8s;

namespace EksAccess.Kubernetes.Tests;

/// <summary>A fresh API stub per test (seeded like a new cluster) and clients pointed at it.</summary>
internal sealed class StubFixture : IAsyncDisposable
{
    private StubFixture(KubeApiStub stub, string directory)
    {
        Stub = stub;
        Directory = directory;
        Kubernetes = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = stub.Url, AccessToken = KubeApiStub.Token });
        Client = new KubernetesClusterClient(Kubernetes);
    }

    public KubeApiStub Stub { get; }

    public string Directory { get; }

    public IKubernetes Kubernetes { get; }

    public KubernetesClusterClient Client { get; }

    public static async Task<StubFixture> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "eksaccess-k8s-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new StubFixture(await KubeApiStub.StartAsync(), directory);
    }

    public async ValueTask DisposeAsync()
    {
        Kubernetes.Dispose();
        await Stub.DisposeAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
