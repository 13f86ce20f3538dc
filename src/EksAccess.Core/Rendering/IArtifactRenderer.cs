using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Rendering;

/// <summary>
/// One <c>eksaccess render --format</c> output. The desired snapshot is <c>DesiredState.Build(config)</c>, passed in so
/// the renderers share one resolution; <see cref="Render"/> is pure and returns files with '/'-separated relative paths.
/// </summary>
public interface IArtifactRenderer
{
    /// <summary>The --format value (k8s, iam, aws-cli, terraform, eksctl).</summary>
    string Format { get; }

    ImmutableArray<RenderedFile> Render(AccessConfig config, ClusterSnapshot desired);
}
