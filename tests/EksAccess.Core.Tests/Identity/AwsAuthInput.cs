using System.Collections.Immutable;
using EksAccess.Core.Snapshots;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EksAccess.Core.Tests.Identity;

/// <summary>
/// Reads a ConfigMap manifest from Inputs/Identity into a <see cref="ConfigMapObject"/> the way the snapshot loader is
/// expected to: Source "snap/&lt;file&gt;:&lt;line of the object&gt;", DataLines = the line of each value's first content
/// line, DataColumns = the column where that content starts.
/// </summary>
internal static class AwsAuthInput
{
    public static ConfigMapObject Load(string fileName) => FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", "Identity", fileName)), $"snap/{fileName}");

    public static ConfigMapObject FromText(string text, string file)
    {
        var lines = text.Split('\n');
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        var root = parser.Consume<MappingStart>();
        string name = "", ns = "";
        var data = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var dataLines = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var dataColumns = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>().Value;
            if (key is "metadata")
            {
                parser.Consume<MappingStart>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var field = parser.Consume<Scalar>().Value;
                    var value = parser.Consume<Scalar>().Value;
                    if (field is "name")
                    {
                        name = value;
                    }
                    else if (field is "namespace")
                    {
                        ns = value;
                    }
                }
            }
            else if (key is "data")
            {
                parser.Consume<MappingStart>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var dataKey = parser.Consume<Scalar>().Value;
                    var value = parser.Consume<Scalar>();
                    data[dataKey] = value.Value;
                    if (value.Style is ScalarStyle.Literal or ScalarStyle.Folded)
                    {
                        var firstLine = (int)value.Start.Line + 1;
                        var content = lines[firstLine - 1];
                        dataLines[dataKey] = firstLine;
                        dataColumns[dataKey] = content.Length - content.TrimStart(' ').Length + 1;
                    }
                    else
                    {
                        dataLines[dataKey] = (int)value.Start.Line;
                        dataColumns[dataKey] = (int)value.Start.Column + (value.Style == ScalarStyle.Plain ? 0 : 1);
                    }
                }
            }
            else
            {
                parser.SkipThisAndNestedEvents();
            }
        }

        return new ConfigMapObject(ns, name, data.ToImmutable())
        {
            Source = $"{file}:{root.Start.Line}",
            DataLines = dataLines.ToImmutable(),
            DataColumns = dataColumns.ToImmutable(),
        };
    }

    /// <summary>An aws-auth ConfigMap with the given data and no positions.</summary>
    public static ConfigMapObject Data(params (string Key, string Value)[] data) =>
        new("kube-system", "aws-auth", data.ToImmutableDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
}
