using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace EksAccess.Core.Rendering;

/// <summary>Every <c>render --format</c>. Add one line per renderer to <see cref="All"/>; the CLI lists and dispatches from here.</summary>
public static class RendererCatalog
{
    public static ImmutableArray<IArtifactRenderer> All { get; } =
    [
        new KubernetesArtifactRenderer(),
        new IamArtifactRenderer(),
        new AwsCliArtifactRenderer(),
        new EksctlArtifactRenderer(),
        new TerraformArtifactRenderer(),
    ];

    /// <summary>The format names, sorted.</summary>
    public static ImmutableArray<string> Formats { get; } = [.. All.Select(r => r.Format).Order(StringComparer.Ordinal)];

    public static bool TryGet(string format, [NotNullWhen(true)] out IArtifactRenderer? renderer)
    {
        ArgumentNullException.ThrowIfNull(format);
        renderer = All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.Ordinal));
        return renderer is not null;
    }
}
