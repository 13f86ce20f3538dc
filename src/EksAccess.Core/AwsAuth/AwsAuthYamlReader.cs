using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using EksAccess.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EksAccess.Core.AwsAuth;

/// <summary>
/// Reads the first YAML document of one aws-auth section into <see cref="AwsAuthYamlNode"/>s, resolving plain
/// scalars the way yaml.v2 (YAML 1.1) does, because the authenticator converts the section to JSON before it
/// decodes it: <c>username: yes</c> is a boolean there, not a string.
/// </summary>
internal static partial class AwsAuthYamlReader
{
    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    /// <summary>The error of a section the authenticator cannot read at all: it drops the whole section.</summary>
    internal sealed record ReadError(int Line, int Column, string Message, bool TooDeep = false);

    public static AwsAuthYamlNode? Read(string text, out ReadError? error)
    {
        error = null;
        try
        {
            var parser = new DepthLimitedParser(text);
            var anchors = new Dictionary<string, AwsAuthYamlNode>(StringComparer.Ordinal);
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            // yaml.v2 decodes only the first document; later ones are never read.
            return ReadNode(parser, anchors);
        }
        catch (YamlException exception)
        {
            error = new ReadError((int)exception.Start.Line, (int)exception.Start.Column, Describe(exception), exception is InputTooDeepException);
            return null;
        }
        catch (InvalidKeyException exception)
        {
            error = new ReadError(exception.Line, exception.Column, exception.Message);
            return null;
        }
    }

    private static AwsAuthYamlNode ReadNode(IParser parser, Dictionary<string, AwsAuthYamlNode> anchors)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        AwsAuthYamlNode node;
        string? anchor = null;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(alias.Start, alias.End, $"unknown anchor '{alias.Value.Value}' referenced");

            case Scalar scalar:
                parser.MoveNext();
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                node = new AwsAuthYamlScalar(scalar.Value, Resolve(scalar), (int)scalar.Start.Line, (int)scalar.Start.Column);
                break;

            case SequenceStart start:
                parser.MoveNext();
                anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                var items = ImmutableArray.CreateBuilder<AwsAuthYamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, anchors));
                }

                node = new AwsAuthYamlSequence(items.ToImmutable(), (int)start.Start.Line, (int)start.Start.Column);
                break;

            case MappingStart start:
                parser.MoveNext();
                anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                var entries = ImmutableArray.CreateBuilder<KeyValuePair<AwsAuthYamlScalar, AwsAuthYamlNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, anchors);
                    var value = ReadNode(parser, anchors);
                    if (key is not AwsAuthYamlScalar scalarKey)
                    {
                        // yaml.v2 cannot use a mapping or list as a map key ("invalid map key"); a classic cause is an
                        // unquoted template such as `username: {{SessionName}}`.
                        throw new InvalidKeyException(key.Line, key.Column,
                            $"invalid map key: {key.JsonTypeName} is used as a key (an unquoted '{{{{…}}}}' template? quote it)");
                    }

                    entries.Add(new KeyValuePair<AwsAuthYamlScalar, AwsAuthYamlNode>(scalarKey, value));
                }

                node = new AwsAuthYamlMapping(entries.ToImmutable(), (int)start.Start.Line, (int)start.Start.Column);
                break;

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }

        if (anchor is not null)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    private static AwsAuthScalarType Resolve(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return scalar.Tag.Value switch
            {
                YamlTagPrefix + "null" => AwsAuthScalarType.Null,
                YamlTagPrefix + "bool" => AwsAuthScalarType.Bool,
                YamlTagPrefix + "int" => AwsAuthScalarType.Int,
                YamlTagPrefix + "float" => AwsAuthScalarType.Float,
                _ => AwsAuthScalarType.String,
            };
        }

        return scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty ? ResolvePlain(scalar.Value) : AwsAuthScalarType.String;
    }

    /// <summary>yaml.v2's resolve() for an untagged plain scalar.</summary>
    internal static AwsAuthScalarType ResolvePlain(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return AwsAuthScalarType.Null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON"
                or "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return AwsAuthScalarType.Bool;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                return AwsAuthScalarType.Float;
        }

        // yaml.v2 tries numbers only for scalars starting with a digit, a sign or a dot.
        if (!(char.IsAsciiDigit(value[0]) || value[0] is '+' or '-' or '.'))
        {
            return AwsAuthScalarType.String;
        }

        var plain = value.Replace("_", "", StringComparison.Ordinal);
        if (IsGoInteger(plain))
        {
            return AwsAuthScalarType.Int;
        }

        return FloatPattern().IsMatch(plain) ? AwsAuthScalarType.Float : AwsAuthScalarType.String;
    }

    /// <summary>strconv.ParseInt/ParseUint(s, 0, 64) syntax: optional sign, then 0x / 0o / 0b / leading-0 octal or decimal.</summary>
    private static bool IsGoInteger(string text)
    {
        var digits = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0)
        {
            return false;
        }

        if (digits.Length > 2 && digits[0] == '0')
        {
            switch (digits[1])
            {
                case 'x' or 'X':
                    return digits[2..].All(Uri.IsHexDigit) && FitsIn64Bits(digits[2..], 16);
                case 'o' or 'O':
                    return digits[2..].All(c => c is >= '0' and <= '7') && FitsIn64Bits(digits[2..], 8);
                case 'b' or 'B':
                    return digits[2..].All(c => c is '0' or '1') && FitsIn64Bits(digits[2..], 2);
            }
        }

        if (digits.Length > 1 && digits[0] == '0')
        {
            return digits.All(c => c is >= '0' and <= '7') && FitsIn64Bits(digits, 8);
        }

        return digits.All(char.IsAsciiDigit) && ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static bool FitsIn64Bits(string digits, int radix)
    {
        var bitsPerDigit = radix switch { 16 => 4, 8 => 3, _ => 1 };
        var significant = digits.TrimStart('0');
        return significant.Length * bitsPerDigit <= 64 + bitsPerDigit - 1;
    }

    private static string Describe(YamlException exception)
    {
        var message = exception.InnerException?.Message ?? exception.Message;
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        message = message.StartsWith('(') && at > 0 ? message[(at + 3)..] : message;
        return message.TrimEnd('.');
    }

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?\\z", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FloatPattern();

    private sealed class InvalidKeyException(int line, int column, string message) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
