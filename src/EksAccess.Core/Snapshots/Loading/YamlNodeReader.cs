using System.Collections.Immutable;
using System.Runtime.InteropServices;
using EksAccess.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>
/// Walks YamlDotNet's parser events for one file straight into values: no representation model, no dictionaries.
/// Convention: every Read*/Skip method starts at the first event of a node and leaves <see cref="Current"/> at the
/// event after the node. Wrong value types are reported through <see cref="Report"/> and the node is skipped.
/// Syntax errors surface as <see cref="YamlException"/>, which the loader turns into one diagnostic per file.
/// </summary>
internal abstract class YamlNodeReader
{
    private readonly DepthLimitedParser _parser;
    private readonly List<string> _stringScratch = [];
    private ParsingEvent _current;

    protected YamlNodeReader(SnapshotFile file, ValuePool pool)
    {
        File = file;
        Pool = pool;
        _parser = new DepthLimitedParser(file.Text);
        _current = new StreamEnd();
    }

    public SnapshotFile File { get; }

    protected ValuePool Pool { get; }

    protected ParsingEvent Current => _current;

    /// <summary>Reads every document of the file.</summary>
    public void ReadAll()
    {
        MoveNext();
        if (_current is StreamStart)
        {
            MoveNext();
        }

        while (_current is not StreamEnd)
        {
            if (_current is DocumentStart)
            {
                MoveNext();
                ReadDocumentRoot();
                if (_current is DocumentEnd)
                {
                    MoveNext();
                }
            }
            else
            {
                Skip();
            }
        }
    }

    /// <summary>Reads the root node of one document (Current is its first event).</summary>
    protected abstract void ReadDocumentRoot();

    /// <summary>A wrong value type or a missing field.</summary>
    protected abstract void Report(Diagnostic diagnostic);

    protected SourceLocation At(Mark mark) => new(File.Path, (int)mark.Line, (int)mark.Column);

    protected string SourceOf(Mark mark) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File.Path}:{mark.Line}");

    protected void MoveNext()
    {
        if (!_parser.MoveNext())
        {
            throw new YamlException(_current.End, _current.End, "unexpected end of file");
        }

        _current = _parser.Current!;
    }

    /// <summary>Skips the current node with everything nested in it.</summary>
    protected void Skip()
    {
        var depth = 0;
        do
        {
            switch (_current)
            {
                case MappingStart or SequenceStart:
                    depth++;
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
                default:
                    break;
            }

            MoveNext();
        }
        while (depth > 0);
    }

    /// <summary>At a mapping key: returns the key (or null for a complex key, which is skipped with its value) and moves to the value.</summary>
    protected string? ReadKey()
    {
        if (_current is Scalar key)
        {
            MoveNext();
            return key.Value;
        }

        Skip();
        Skip();
        return null;
    }

    /// <summary>Plain <c>null</c>, <c>~</c> or nothing: the field is absent.</summary>
    protected static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "null" or "~" or "Null" or "NULL";

    protected static string Describe(ParsingEvent node) => node switch
    {
        MappingStart => "a mapping",
        SequenceStart => "a list",
        AnchorAlias => "an alias",
        Scalar => "a string",
        _ => "nothing",
    };

    /// <summary>At a value that should be a mapping. False (with the node consumed) when it is null or the wrong type.</summary>
    protected bool EnterMapping(string field)
    {
        if (_current is MappingStart)
        {
            MoveNext();
            return true;
        }

        SkipNullOrReport(field, "a mapping", "write it as key: value pairs, as kubectl or the aws CLI prints it");
        return false;
    }

    /// <summary>At a value that should be a list. False (with the node consumed) when it is null or the wrong type.</summary>
    protected bool EnterSequence(string field)
    {
        if (_current is SequenceStart)
        {
            MoveNext();
            return true;
        }

        SkipNullOrReport(field, "a list", "write it as a list (- item, or [a, b]), as kubectl or the aws CLI prints it");
        return false;
    }

    /// <summary>Call after <see cref="EnterMapping"/> or <see cref="EnterSequence"/>: true until the collection ends, which it consumes.</summary>
    protected bool InCollection()
    {
        if (_current is MappingEnd or SequenceEnd)
        {
            MoveNext();
            return false;
        }

        return true;
    }

    /// <summary>A scalar value (null when absent); a collection is reported and skipped.</summary>
    protected string? ReadString(string field, bool share = true)
    {
        if (_current is Scalar scalar)
        {
            MoveNext();
            if (IsNull(scalar))
            {
                return null;
            }

            return share ? Pool.String(scalar.Value) : scalar.Value;
        }

        ReportWrongType(field, "a string", "write a single value, as kubectl or the aws CLI prints it");
        Skip();
        return null;
    }

    /// <summary>A list of strings; absent or null is empty. Null only when the value had the wrong type (reported).</summary>
    protected ImmutableArray<string>? ReadStringList(string field)
    {
        if (!EnterSequenceOrNull(field, out var isNull))
        {
            return isNull ? [] : null;
        }

        var ok = true;
        _stringScratch.Clear();
        while (InCollection())
        {
            if (_current is Scalar item)
            {
                _stringScratch.Add(Pool.String(item.Value));
                MoveNext();
            }
            else
            {
                ReportWrongType(field + "[]", "a string", "each item of the list is a single value");
                Skip();
                ok = false;
            }
        }

        return ok ? Pool.Strings(CollectionsMarshal.AsSpan(_stringScratch)) : null;
    }

    /// <summary>A mapping of strings to strings; null when absent or the wrong type.</summary>
    protected ImmutableDictionary<string, string>? ReadStringMap(string field)
    {
        if (!EnterMapping(field))
        {
            return null;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (InCollection())
        {
            var key = ReadKey();
            if (key is null)
            {
                continue;
            }

            var value = ReadString(field + "." + key);
            builder[Pool.String(key)] = value ?? "";
        }

        return builder.ToImmutable();
    }

    /// <summary>A mapping of strings to strings in key order (quantities: spec.hard, limits); null when absent or the wrong type.</summary>
    protected ImmutableSortedDictionary<string, string>? ReadSortedStringMap(string field)
    {
        if (!EnterMapping(field))
        {
            return null;
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (InCollection())
        {
            var key = ReadKey();
            if (key is null)
            {
                continue;
            }

            var value = ReadString(field + "." + key);
            builder[Pool.String(key)] = value ?? "";
        }

        return builder.ToImmutable();
    }

    protected void ReportWrongType(string field, string expected, string hint) =>
        Report(new Diagnostic(At(_current.Start), $"{field} must be {expected}, not {Describe(_current)}", hint));

    private bool EnterSequenceOrNull(string field, out bool isNull)
    {
        isNull = false;
        if (_current is SequenceStart)
        {
            MoveNext();
            return true;
        }

        if (_current is Scalar scalar && IsNull(scalar))
        {
            isNull = true;
            MoveNext();
            return false;
        }

        ReportWrongType(field, "a list", "write it as a list (- item, or [a, b]), as kubectl or the aws CLI prints it");
        Skip();
        return false;
    }

    private void SkipNullOrReport(string field, string expected, string hint)
    {
        if (_current is Scalar scalar && IsNull(scalar))
        {
            MoveNext();
            return;
        }

        ReportWrongType(field, expected, hint);
        Skip();
    }
}
