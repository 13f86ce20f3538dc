using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record AdminConfig(string Principal)
{
    public string? Username { get; init; }

    /// <summary>When the admin stops being one; null: permanent.</summary>
    public ExpiryConfig? Expires { get; init; }
    public SourceLocation Location { get; init; }
}
