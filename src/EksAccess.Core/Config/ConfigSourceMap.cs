using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

/// <summary>
/// Where each value of a parsed access config was written, by path: <c>cluster.accountId</c>,
/// <c>teams[0].members[1]</c>, <c>tests[2].allow[0]</c>. Lets the validator point at the exact list item.
/// </summary>
public sealed class ConfigSourceMap
{
    private readonly ImmutableDictionary<string, SourceLocation> _locations;

    internal ConfigSourceMap(ImmutableDictionary<string, SourceLocation> locations)
    {
        _locations = locations;
    }

    public static ConfigSourceMap Empty { get; } = new(ImmutableDictionary<string, SourceLocation>.Empty.WithComparers(StringComparer.Ordinal));

    public int Count => _locations.Count;

    public bool TryGet(string path, out SourceLocation location) => _locations.TryGetValue(path, out location);

    /// <summary>The location of <paramref name="path"/>, or <paramref name="fallback"/> when it was not written.</summary>
    public SourceLocation Locate(string path, SourceLocation fallback) =>
        _locations.TryGetValue(path, out var location) ? location : fallback;

    internal static ConfigSourceMap FromTree(ConfigNode? root)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, SourceLocation>(StringComparer.Ordinal);
        if (root is not null)
        {
            Add(builder, "", root, depth: 0);
        }

        return new ConfigSourceMap(builder.ToImmutable());
    }

    private static void Add(ImmutableDictionary<string, SourceLocation>.Builder builder, string path, ConfigNode node, int depth)
    {
        if (depth > 64)
        {
            return; // Aliases can make cycles; no config path is this deep.
        }

        if (path.Length > 0)
        {
            builder.TryAdd(path, node.Location);
        }

        switch (node)
        {
            case ConfigMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    Add(builder, path.Length == 0 ? entry.Key.Value : $"{path}.{entry.Key.Value}", entry.Value, depth + 1);
                }

                break;
            case ConfigSequence sequence:
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    Add(builder, $"{path}[{i}]", sequence.Items[i], depth + 1);
                }

                break;
        }
    }
}
