using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record RoleTrustConfig
{
    public ImmutableArray<string> Accounts { get; init; } = [];
    public ImmutableArray<string> Principals { get; init; } = [];

    /// <summary>IAM Identity Center permission-set names: trusted through their AWSReservedSSO_NAME_* roles.</summary>
    public ImmutableArray<string> SsoPermissionSets { get; init; } = [];

    public SourceLocation Location { get; init; }
}
