using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record TeamNamespaceGrant(string Namespace, string Role)
{
    public SourceLocation Location { get; init; }
}
