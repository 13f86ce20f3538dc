using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

/// <summary>Reads an access config (access.yaml) strictly; see docs/access-config.md for the schema.</summary>
public static class AccessConfigParser
{
    /// <summary>
    /// Parses <paramref name="text"/> (the content of <paramref name="path"/>). Never throws on bad input: YAML syntax
    /// errors, unknown keys, wrong types and missing required keys are diagnostics, all of them, in file order.
    /// </summary>
    public static ConfigParseResult Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        var root = ConfigYamlReader.Read(text, path, diagnostics);
        // A null root with diagnostics is a syntax error: nothing more can be read. Otherwise read what is there.
        var config = root is null && diagnostics.Count > 0 ? null : new AccessConfigReader(path, diagnostics).ReadRoot(root);
        return new ConfigParseResult(config, Sort(diagnostics)) { SourceMap = ConfigSourceMap.FromTree(root) };
    }

    /// <summary>
    /// Parses and, when the text could be read, validates (<see cref="AccessConfigValidator"/>): every problem at once,
    /// in file order. A semantic problem at a position the parser already reported is left out, since it follows from it.
    /// </summary>
    public static ConfigParseResult ParseAndValidate(string text, string path)
    {
        var parsed = Parse(text, path);
        if (parsed.Config is null)
        {
            return parsed;
        }

        var reported = parsed.Diagnostics.Select(d => d.Location).ToHashSet();
        var semantic = AccessConfigValidator.Validate(parsed.Config, parsed.SourceMap).Where(d => !reported.Contains(d.Location));
        return parsed with { Diagnostics = Sort(parsed.Diagnostics.Concat(semantic)) };
    }

    /// <summary>Diagnostics in file order (line, then column).</summary>
    public static ImmutableArray<Diagnostic> SortDiagnostics(IEnumerable<Diagnostic> diagnostics) => Sort(diagnostics);

    internal static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column)];
}
