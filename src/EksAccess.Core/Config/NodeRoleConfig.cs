using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record NodeRoleConfig(string RoleArn, string Type = "EC2_LINUX")
{
    public SourceLocation Location { get; init; }
}
