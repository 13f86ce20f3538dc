using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record TestConfig(string As, ImmutableArray<TestCheck> Allow, ImmutableArray<TestCheck> Deny)
{
    public SourceLocation Location { get; init; }
}
