using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record AccessPolicyConfig(string PolicyArn, AccessScope AccessScope)
{
    public SourceLocation Location { get; init; }
}
