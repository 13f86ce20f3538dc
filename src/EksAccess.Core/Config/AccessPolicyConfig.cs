using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record AccessPolicyConfig(string PolicyArn, AccessScope AccessScope)
{
    /// <summary>When the association stops being wanted; null: permanent.</summary>
    public ExpiryConfig? Expires { get; init; }

    public SourceLocation Location { get; init; }
}
