#pragma warning disable MA0048 // A closed hierarchy: the YAML node kinds share the base's file.
using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

/// <summary>A YAML node with its position: the small tree the access-config parser reads (aliases resolved).</summary>
internal abstract record ConfigNode(SourceLocation Location)
{
    public abstract string KindName { get; }
}

/// <summary>A scalar as written: <see cref="IsPlain"/> is false for quoted, literal and folded scalars and for <c>!!str</c>.</summary>
internal sealed record ConfigScalar(SourceLocation Location, string Value, bool IsPlain) : ConfigNode(Location)
{
    /// <summary>A plain empty scalar, <c>~</c> or <c>null</c>: YAML's null.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "null" : "a string";
}

internal sealed record ConfigSequence(SourceLocation Location, ImmutableArray<ConfigNode> Items) : ConfigNode(Location)
{
    public override string KindName => "a list";
}

internal sealed record ConfigMapping(SourceLocation Location, ImmutableArray<ConfigMappingEntry> Entries) : ConfigNode(Location)
{
    public override string KindName => "a mapping";

    public ConfigNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }
}
