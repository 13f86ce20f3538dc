using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Rendering;

/// <summary><c>--format k8s</c>: the Kubernetes manifests (<see cref="KubernetesManifestRenderer"/>).</summary>
public sealed class KubernetesArtifactRenderer : IArtifactRenderer
{
    public const string FormatName = "k8s";

    public string Format => FormatName;

    public ImmutableArray<RenderedFile> Render(AccessConfig config, ClusterSnapshot desired) => KubernetesManifestRenderer.Render(desired);
}
