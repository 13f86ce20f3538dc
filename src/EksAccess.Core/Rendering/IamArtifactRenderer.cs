using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Rendering;

/// <summary><c>--format iam</c>: the IAM policy documents as JSON files (<see cref="IamPolicyRenderer"/>).</summary>
public sealed class IamArtifactRenderer : IArtifactRenderer
{
    public const string FormatName = "iam";

    public string Format => FormatName;

    public ImmutableArray<RenderedFile> Render(AccessConfig config, ClusterSnapshot desired) => IamPolicyRenderer.Render(config);
}
