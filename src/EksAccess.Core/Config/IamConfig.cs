using System.Collections.Immutable;

namespace EksAccess.Core.Config;

public sealed record IamConfig
{
    public ImmutableArray<IamUserConfig> Users { get; init; } = [];
    public ImmutableArray<IamRoleConfig> Roles { get; init; } = [];
    public ImmutableArray<IamGroupConfig> Groups { get; init; } = [];
}
