using System.CommandLine;
using System.CommandLine.Parsing;

namespace EksAccess.Cli;

/// <summary>
/// The one usage complaint worth printing for a parse: the parser's first error, or an option given an empty value
/// (<c>--snapshot=</c>, <c>--as-arn ""</c>), which the parser accepts but every command would misread.
/// </summary>
internal static class UsageErrors
{
    /// <summary>Options where an empty value means something: <c>--api-group ""</c> is the core group, as in kubectl.</summary>
    private static readonly HashSet<string> EmptyAllowed = new(StringComparer.Ordinal) { "--api-group" };

    public static string? FirstOrNull(ParseResult parseResult, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(args);
        var separator = IndexOf(args, "--");
        if (separator >= 0)
        {
            // No eksaccess command takes arguments after "--"; it is nearly always a value forgotten before it.
            return separator > 0 && args[separator - 1].StartsWith('-')
                ? $"{args[separator - 1]} needs a value, got '--'"
                : "'--' is not used by eksaccess commands — remove it";
        }

        var options = Options(parseResult);
        foreach (var option in options)
        {
            var valueThatIsAnOption = option.Tokens.FirstOrDefault(t => t.Type == TokenType.Argument && IsOptionName(parseResult, t.Value));
            if (valueThatIsAnOption is not null)
            {
                return $"{option.Option.Name} needs a value, got the option '{valueThatIsAnOption.Value}' — give the value after {option.Option.Name}";
            }
        }

        // The cause comes before its echoes: a missing value first, then what was left over because of it.
        var missing = parseResult.Errors.FirstOrDefault(e => e.Message.StartsWith("Required argument missing", StringComparison.Ordinal));
        if (missing is not null)
        {
            return missing.Message.TrimEnd('.');
        }

        if (parseResult.Errors.Count > 0)
        {
            return parseResult.Errors[0].Message.TrimEnd('.');
        }

        foreach (var option in options)
        {
            if (!EmptyAllowed.Contains(option.Option.Name) && option.Tokens.Any(t => t.Type == TokenType.Argument && string.IsNullOrWhiteSpace(t.Value)))
            {
                return $"{option.Option.Name} needs a value, got an empty one";
            }
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<string> args, string value)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (string.Equals(args[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<OptionResult> Options(ParseResult parseResult)
    {
        var options = new List<OptionResult>();
        for (SymbolResult? result = parseResult.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                options.AddRange(command.Children.OfType<OptionResult>().Where(o => !o.Implicit));
            }
        }

        return options;
    }

    private static bool IsOptionName(ParseResult parseResult, string value) =>
        value.StartsWith('-') && value.Length > 1
            && parseResult.CommandResult.Command.Options.Any(o => string.Equals(o.Name, value, StringComparison.Ordinal) || o.Aliases.Contains(value));

    /// <summary>"eksaccess can-i": the command the user was typing, for the help pointer.</summary>
    public static string CommandPath(ParseResult parseResult)
    {
        var names = new Stack<string>();
        for (SymbolResult? result = parseResult.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command && command.Command is not RootCommand)
            {
                names.Push(command.Command.Name);
            }
        }

        names.Push("eksaccess");
        return string.Join(' ', names);
    }
}
