using System.Text;

namespace EksAccess.Core.Text;

/// <summary>
/// A tiny deterministic block-style YAML emitter, shaped like kubectl's and eksctl's output: 2-space indentation,
/// sequences under a key not indented (<c>key:\n- item</c>), multi-line strings as literal blocks, and strings that
/// YAML 1.1 or 1.2 would read as something else ("", "*", numbers, yes/no/on/off/null, ": ", leading indicators) in
/// double quotes. Empty collections are written <c>[]</c> / <c>{}</c>.
/// </summary>
internal static class YamlEmitter
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    };

    /// <summary>The document text, ending with a newline.</summary>
    public static string Emit(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var builder = new StringBuilder();
        switch (node)
        {
            case YamlMapping { Entries.Count: > 0 } mapping:
                WriteMapping(builder, mapping, 0, firstLineIndented: false);
                break;
            case YamlSequence { Items.Count: > 0 } sequence:
                WriteSequence(builder, sequence, 0);
                break;
            default:
                WriteInline(builder, node, 2);
                builder.Append('\n');
                break;
        }

        return builder.ToString();
    }

    /// <summary>The scalar as it would be written in a block context on one line: plain when safe, else double-quoted.</summary>
    public static string Scalar(string value, bool forceQuotes = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        return forceQuotes || NeedsQuotes(value) ? DoubleQuoted(value) : value;
    }

    private static void WriteMapping(StringBuilder builder, YamlMapping mapping, int indent, bool firstLineIndented)
    {
        var first = true;
        foreach (var (key, value) in mapping.Entries)
        {
            if (!(first && firstLineIndented))
            {
                builder.Append(' ', indent);
            }

            first = false;
            builder.Append(Scalar(key)).Append(':');
            switch (value)
            {
                case YamlMapping { Entries.Count: > 0 } child:
                    builder.Append('\n');
                    WriteMapping(builder, child, indent + 2, firstLineIndented: false);
                    break;
                case YamlSequence { Items.Count: > 0 } child:
                    builder.Append('\n');
                    WriteSequence(builder, child, indent);
                    break;
                default:
                    builder.Append(' ');
                    WriteInline(builder, value, indent + 2);
                    builder.Append('\n');
                    break;
            }
        }
    }

    private static void WriteSequence(StringBuilder builder, YamlSequence sequence, int indent)
    {
        foreach (var item in sequence.Items)
        {
            builder.Append(' ', indent).Append('-');
            switch (item)
            {
                case YamlMapping { Entries.Count: > 0 } child:
                    builder.Append(' ');
                    WriteMapping(builder, child, indent + 2, firstLineIndented: true);
                    break;
                case YamlSequence { Items.Count: > 0 } child:
                    builder.Append('\n');
                    WriteSequence(builder, child, indent + 2);
                    break;
                default:
                    builder.Append(' ');
                    WriteInline(builder, item, indent + 2);
                    builder.Append('\n');
                    break;
            }
        }
    }

    /// <summary>A scalar or an empty collection; a literal block's lines go at <paramref name="blockIndent"/>.</summary>
    private static void WriteInline(StringBuilder builder, YamlNode node, int blockIndent)
    {
        switch (node)
        {
            case YamlMapping:
                builder.Append("{}");
                break;
            case YamlSequence:
                builder.Append("[]");
                break;
            case YamlScalar scalar when !scalar.Quoted && CanBeLiteral(scalar.Value):
                WriteLiteral(builder, scalar.Value, blockIndent);
                break;
            case YamlScalar scalar:
                builder.Append(Scalar(scalar.Value, scalar.Quoted));
                break;
            default:
                throw new ArgumentException($"unknown YAML node {node.GetType().Name}", nameof(node));
        }
    }

    private static void WriteLiteral(StringBuilder builder, string value, int indent)
    {
        var body = value.TrimEnd('\n');
        var trailing = value.Length - body.Length;
        builder.Append(trailing switch { 0 => "|-", 1 => "|", _ => "|+" });
        foreach (var line in body.Split('\n'))
        {
            builder.Append('\n');
            if (line.Length > 0)
            {
                builder.Append(' ', indent).Append(line);
            }
        }

        // Keep-chomping (|+) keeps the extra line breaks as empty lines; the caller writes the final one.
        for (var i = 1; i < trailing; i++)
        {
            builder.Append('\n');
        }
    }

    private static bool CanBeLiteral(string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) || value[0] is ' ' or '\n' or '\t')
        {
            return false;
        }

        foreach (var line in value.Split('\n'))
        {
            if (line.Length > 0 && (line[^1] is ' ' or '\t'))
            {
                return false;
            }

            if (line.Any(c => c != '\t' && !IsPrintable(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || Reserved.Contains(value))
        {
            return true;
        }

        var first = value[0];
        var last = value[^1];
        if (Indicators.Contains(first, StringComparison.Ordinal) || char.IsAsciiDigit(first) || first is '.' or '+' or '<' or '=' or ' ' or '\t'
            || last is ' ' or '\t' or ':')
        {
            return true;
        }

        if (value.Contains(": ", StringComparison.Ordinal))
        {
            return true;
        }

        // An indicator after a space (" #", " *", " &", " |", …) is legal inside a plain scalar but trips real parsers
        // (a comment, or an alias/anchor to some); quoting costs nothing.
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i - 1] == ' ' && Indicators.Contains(value[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return value.Any(c => !IsPrintable(c) || c == '\t');
    }

    private static bool IsPrintable(char c)
    {
        // YAML's c-printable minus the breaks YAML 1.1 also honours (NEL, LS, PS) and the BOM; surrogate pairs pass.
        if (c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF')
        {
            return false;
        }

        return char.IsSurrogate(c) || c is >= ' ' and <= '~' or >= '\u00A0' and <= '\uFFFD';
    }

    private static string DoubleQuoted(string value) => QuotedString.Quote(value, YamlEscape);

    private static void YamlEscape(StringBuilder builder, string value, int index)
    {
        var c = value[index];
        _ = c switch
        {
            '\0' => builder.Append("\\0"),
            _ when IsPrintable(c) => builder.Append(c),
            _ => QuotedString.AppendUnicodeEscape(builder, c, "X4"),
        };
    }
}
