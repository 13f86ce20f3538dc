using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EksAccess.Core.Text;

/// <summary>
/// A YamlDotNet parser that throws <see cref="InputTooDeepException"/> as soon as collections nest deeper than
/// <see cref="InputLimits.MaxDepth"/>, so neither a recursive reader nor the scanner ever sees deeper input.
/// </summary>
public sealed class DepthLimitedParser : IParser
{
    private readonly Parser _parser;
    private int _depth;

    public DepthLimitedParser(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _parser = new Parser(new StringReader(text));
    }

    public ParsingEvent? Current => _parser.Current;

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = _parser.MoveNext();
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (instead of a YamlException) on some malformed flow collections.
            var at = _parser.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "malformed flow collection (an unclosed '[' or '{'?)", ex);
        }

        switch (_parser.Current)
        {
            case MappingStart or SequenceStart when moved:
                if (++_depth > InputLimits.MaxDepth)
                {
                    throw new InputTooDeepException(_parser.Current.Start, _parser.Current.End);
                }

                break;
            case MappingEnd or SequenceEnd when moved:
                _depth--;
                break;
            default:
                break;
        }

        return moved;
    }
}
