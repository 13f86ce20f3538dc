using System.Text.Json.Nodes;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

public sealed record InlinePolicyConfig(string Name, JsonObject Document)
{
    public SourceLocation Location { get; init; }
}
