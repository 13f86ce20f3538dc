using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Rendering;

/// <summary>
/// <c>--format iam</c>: the IAM policy documents as JSON files (<see cref="IamPolicyRenderer"/>) and, when the config
/// has an <c>automation:</c> section, the unattended job's role policy (<see cref="AutomationPolicy"/>) — only here: the
/// job's role is created with the cluster's OIDC or Pod Identity trust, outside what apply manages.
/// </summary>
public sealed class IamArtifactRenderer : IArtifactRenderer
{
    public const string FormatName = "iam";

    public string Format => FormatName;

    public ImmutableArray<RenderedFile> Render(AccessConfig config, ClusterSnapshot desired)
    {
        var files = Files(IamPolicyRenderer.Generate(config));
        return AutomationPolicy.Generate(config) is { } automation
            ? files.Add(new RenderedFile(automation.RelativePath, automation.Document + "\n"))
            : files;
    }

    /// <summary>The documents as files: trust policies first, then inline policies; each file ends with a newline.</summary>
    public static ImmutableArray<RenderedFile> Files(IamPolicies policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return
        [
            .. policies.TrustPolicies.Select(p => new RenderedFile(p.RelativePath, p.Document + "\n")),
            .. policies.InlinePolicies.Select(p => new RenderedFile(p.RelativePath, p.Document + "\n")),
        ];
    }
}
