using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record AdminConfig(string Principal)
{
    public string? Username { get; init; }
    public SourceLocation Location { get; init; }
}
