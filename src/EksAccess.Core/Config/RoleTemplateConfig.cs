using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record RoleTemplateConfig(string Name, ImmutableArray<PolicyRule> Rules)
{
    public SourceLocation Location { get; init; }
}
