namespace EksAccess.Core.Text;

/// <summary>
/// Bounds on untrusted input (docs/decisions/input-limits.md). A stack overflow ends a .NET process and cannot be
/// caught, and YamlDotNet's scanner slows down quadratically with open flow levels, so nesting is refused at a fixed
/// depth before any reader (recursive or not) walks it.
/// </summary>
public static class InputLimits
{
    /// <summary>
    /// The deepest nesting of mappings and lists accepted in any YAML or JSON input. Real kubectl/aws output stays far
    /// below it (CRD schemas, the deepest, under 100); go-yaml allows 10,000 and System.Text.Json 64 by default.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>What a refused document is told, naming the bound.</summary>
    public static string TooDeepMessage => $"nested more than {MaxDepth} levels deep (eksaccess's limit for YAML and JSON input)";
}
