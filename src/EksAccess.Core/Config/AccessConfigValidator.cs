using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

/// <summary>
/// Semantic checks of an access config: names and formats, ARNs and accounts, references between sections,
/// what EKS would refuse, and that the cluster keeps an admin. Each diagnostic says where, what and how to fix.
/// </summary>
public static class AccessConfigValidator
{
    /// <summary>Validates a config; locations come from its records (use the overload with a source map for list items).</summary>
    public static ImmutableArray<Diagnostic> Validate(AccessConfig config) => Validate(config, ConfigSourceMap.Empty);

    /// <summary>Validates a config, pointing at exact values (list items included) through <paramref name="sourceMap"/>.</summary>
    public static ImmutableArray<Diagnostic> Validate(AccessConfig config, ConfigSourceMap sourceMap)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(sourceMap);
        return AccessConfigParser.Sort(new AccessConfigValidation(config, sourceMap).Run());
    }
}
