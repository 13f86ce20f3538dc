using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record TeamNamespaceGrant(string Namespace, string Role)
{
    /// <summary>When the RoleBinding stops being wanted; null: permanent.</summary>
    public ExpiryConfig? Expires { get; init; }

    public SourceLocation Location { get; init; }
}
