using EksAccess.Core.Identity;

namespace EksAccess.Core.Config;

public sealed record AccessPolicyConfig(string PolicyArn, AccessScope AccessScope)
{
    public SourceLocation Location { get; init; }
}
