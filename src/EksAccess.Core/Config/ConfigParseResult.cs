using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

/// <summary>
/// What <see cref="AccessConfigParser"/> read: the config (null only when the text is not a readable YAML mapping)
/// and every problem found, in file order. A non-null config may still come with diagnostics: then it holds
/// defaults or empty placeholders where the input was wrong, and is not fit to act on.
/// </summary>
public sealed record ConfigParseResult(AccessConfig? Config, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Where each value was written (see <see cref="ConfigSourceMap"/>).</summary>
    public ConfigSourceMap SourceMap { get; init; } = ConfigSourceMap.Empty;

    public bool IsValid => Config is not null && Diagnostics.IsEmpty;
}
