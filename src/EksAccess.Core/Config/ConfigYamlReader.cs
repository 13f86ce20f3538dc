using System.Collections.Immutable;
using EksAccess.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

/// <summary>
/// Reads YAML text into a <see cref="ConfigNode"/> tree with 1-based positions. Syntax errors, duplicate keys,
/// non-scalar keys and extra documents become diagnostics; reading never throws.
/// </summary>
internal sealed class ConfigYamlReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Limits that keep hostile input (alias bombs, deep nesting) from exhausting memory or the stack.</summary>
    private const long MaxExpandedNodes = 200_000;

    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, (ConfigNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private SourceLocation _lastPosition;
    private long _expandedNodes;
    private int _depth;
    private bool _limitExceeded;

    private ConfigYamlReader(string path, List<Diagnostic> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
        _lastPosition = new SourceLocation(path, 1, 1);
    }

    /// <summary>The first document's root node, or null when the text is empty or cannot be read.</summary>
    public static ConfigNode? Read(string text, string path, List<Diagnostic> diagnostics)
    {
        return new ConfigYamlReader(path, diagnostics).ReadStream(text);
    }

    private ConfigNode? ReadStream(string text)
    {
        var parser = new DepthLimitedParser(text);
        try
        {
            ConfigNode? root = null;
            var documents = 0;
            while (Next(parser) is { } current)
            {
                if (current is DocumentStart)
                {
                    documents++;
                    var node = Next(parser) is { } first and not DocumentEnd ? ReadNode(parser, first) : null;
                    if (documents == 1)
                    {
                        root = node;
                    }
                    else
                    {
                        _diagnostics.Add(new Diagnostic(
                            Locate(current.Start),
                            "a second YAML document: an access config is one document",
                            "remove the '---' separator and everything after it, or move it to its own file"));
                        return root;
                    }

                    SkipToDocumentEnd(parser);
                }
            }

            return root;
        }
        catch (YamlException ex)
        {
            _diagnostics.Add(_limitExceeded || ex is InputTooDeepException
                ? new Diagnostic(Locate(ex.Start), $"the YAML is too large to read: {ex.Message}", "an access config needs neither deep nesting nor aliases that expand this much")
                : new Diagnostic(Locate(ex.Start), $"YAML syntax error: {ex.Message.TrimEnd('.')}", "fix the YAML at this position (check indentation, quotes and brackets)"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some unterminated flow collections instead of a YamlException.
            _diagnostics.Add(new Diagnostic(_lastPosition, "YAML syntax error: the text cannot be read past this point", "look for an unclosed '[', '{' or quote here or just after"));
            return null;
        }
    }

    private ParsingEvent? Next(DepthLimitedParser parser)
    {
        if (!parser.MoveNext())
        {
            return null;
        }

        var current = parser.Current!;
        _lastPosition = Locate(current.Start);
        return current;
    }

    private void SkipToDocumentEnd(DepthLimitedParser parser)
    {
        while (parser.Current is not DocumentEnd && Next(parser) is not null)
        {
        }
    }

    private ConfigNode ReadNode(DepthLimitedParser parser, ParsingEvent current)
    {
        var before = _expandedNodes;
        ConfigNode node;
        AnchorName anchor;
        switch (current)
        {
            case Scalar scalar:
                ReportControlCharacters(scalar);
                node = new ConfigScalar(
                    Locate(scalar.Start),
                    scalar.Value,
                    scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && !string.Equals(scalar.Tag.IsEmpty ? null : scalar.Tag.Value, StringTag, StringComparison.Ordinal));
                anchor = scalar.Anchor;
                break;
            case SequenceStart sequenceStart:
                node = ReadSequence(parser, sequenceStart);
                anchor = sequenceStart.Anchor;
                break;
            case MappingStart mappingStart:
                node = ReadMapping(parser, mappingStart);
                anchor = mappingStart.Anchor;
                break;
            case AnchorAlias alias:
                if (_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    Count(target.Size, alias.Start);
                    return target.Node;
                }

                _diagnostics.Add(new Diagnostic(Locate(alias.Start), $"unknown YAML alias '*{alias.Value.Value}'", "define the anchor '&" + alias.Value.Value + "' before using it"));
                return new ConfigScalar(Locate(alias.Start), "", IsPlain: true);
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }

        Count(1, current.Start);
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = (node, _expandedNodes - before);
        }

        return node;
    }

    /// <summary>
    /// NUL, DEL and the other control characters (tab and line breaks aside) have no place in a name, ARN or policy,
    /// and would reach rendered scripts verbatim; YAML writes them only through escapes such as "\0".
    /// </summary>
    private void ReportControlCharacters(Scalar scalar)
    {
        var index = scalar.Value.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        while (index >= 0 && scalar.Value[index] is '\t' or '\n' or '\r')
        {
            var next = scalar.Value.AsSpan(index + 1).IndexOfAnyInRange('\u0000', '\u001f');
            index = next < 0 ? -1 : index + 1 + next;
        }

        if (index < 0)
        {
            index = scalar.Value.IndexOfAny(['\u007f', '\ufffd']);
        }

        if (index >= 0)
        {
            var what = scalar.Value[index] == '\ufffd' ? "an invalid (replaced) character" : "the control character U+" + ((int)scalar.Value[index]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
            _diagnostics.Add(new Diagnostic(
                Locate(scalar.Start),
                $"the value {Echo.Quote(scalar.Value)} contains {what}",
                "remove it: names, ARNs and policies are printable text"));
        }
    }

    private void Count(long nodes, Mark at)
    {
        _expandedNodes += nodes;
        if (_expandedNodes > MaxExpandedNodes)
        {
            _limitExceeded = true;
            throw new YamlException(at, at, $"the document expands to more than {MaxExpandedNodes} values (through aliases)");
        }
    }

    private void Enter(Mark at)
    {
        if (++_depth > InputLimits.MaxDepth)
        {
            _limitExceeded = true;
            throw new YamlException(at, at, InputLimits.TooDeepMessage);
        }
    }

    private ConfigSequence ReadSequence(DepthLimitedParser parser, SequenceStart start)
    {
        Enter(start.Start);
        var items = ImmutableArray.CreateBuilder<ConfigNode>();
        while (Next(parser) is { } current and not SequenceEnd)
        {
            items.Add(ReadNode(parser, current));
        }

        _depth--;
        return new ConfigSequence(Locate(start.Start), items.ToImmutable());
    }

    private ConfigMapping ReadMapping(DepthLimitedParser parser, MappingStart start)
    {
        Enter(start.Start);
        var entries = ImmutableArray.CreateBuilder<ConfigMappingEntry>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        while (Next(parser) is { } current and not MappingEnd)
        {
            var key = ReadNode(parser, current);
            var valueEvent = Next(parser) ?? throw new YamlException(current.Start, current.End, "a mapping key without a value");
            var value = ReadNode(parser, valueEvent);
            if (key is not ConfigScalar scalarKey)
            {
                _diagnostics.Add(new Diagnostic(key.Location, $"a mapping key must be a plain string, not {key.KindName}", "write the key as a plain word followed by ':'"));
                continue;
            }

            if (seen.TryGetValue(scalarKey.Value, out var first))
            {
                _diagnostics.Add(new Diagnostic(
                    scalarKey.Location,
                    $"duplicate key '{scalarKey.Value}'",
                    $"remove one of them: the first is at line {first.Line}, column {first.Column}"));
                continue;
            }

            seen.Add(scalarKey.Value, scalarKey.Location);
            entries.Add(new ConfigMappingEntry(scalarKey, value));
        }

        _depth--;
        return new ConfigMapping(Locate(start.Start), entries.ToImmutable());
    }

    private SourceLocation Locate(Mark mark) => new(_path, (int)mark.Line, (int)mark.Column);
}
