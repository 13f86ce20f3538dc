using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record TestCheck(string Text)
{
    public SourceLocation Location { get; init; }
}
