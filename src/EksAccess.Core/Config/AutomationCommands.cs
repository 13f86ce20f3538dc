using System.Collections.Immutable;

namespace EksAccess.Core.Config;

/// <summary>The commands an unattended job may run: each one's permissions are in <see cref="Rendering.AutomationPolicy"/>.</summary>
public static class AutomationCommands
{
    /// <summary><c>eksaccess prune --cluster C</c>: removes expired grants.</summary>
    public const string Prune = "prune";

    /// <summary><c>eksaccess verify --live -f access.yaml</c>: the config's tests against the live cluster.</summary>
    public const string Verify = "verify";

    public static ImmutableArray<string> All { get; } = [Prune, Verify];
}
