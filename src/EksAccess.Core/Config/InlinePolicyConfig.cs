using System.Text.Json.Nodes;

namespace EksAccess.Core.Config;

public sealed record InlinePolicyConfig(string Name, JsonObject Document)
{
    public SourceLocation Location { get; init; }
}
