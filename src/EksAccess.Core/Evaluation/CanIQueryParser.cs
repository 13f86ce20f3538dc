using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace EksAccess.Core.Evaluation;

/// <summary>
/// Parses <c>kubectl auth can-i</c> arguments: <c>VERB TYPE [NAME]</c>, <c>VERB TYPE/NAME</c> (kubectl's
/// resource/name form, not a subresource) or <c>VERB /NONRESOURCEURL</c>, with <c>-n/--namespace</c>,
/// <c>-A/--all-namespaces</c>, <c>--subresource</c> and <c>--api-group</c> (as <c>--flag value</c> or
/// <c>--flag=value</c>; <c>-nVALUE</c> too). The resource argument is lower-cased, as kubectl does.
/// </summary>
public static class CanIQueryParser
{
    public const string Usage = "VERB TYPE [NAME] [-n NAMESPACE | -A] [--subresource SUB] [--api-group GROUP], or VERB /PATH";

    /// <summary>Parses one line such as <c>get pods web-0 --subresource log -n dev</c>; single and double quotes group words.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out CanIQuery? query, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        query = null;
        if (!TrySplit(text, out var args, out error))
        {
            return false;
        }

        return TryParse(args, out query, out error);
    }

    /// <summary>Parses arguments already split by a shell or command-line parser.</summary>
    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out CanIQuery? query, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        query = null;
        var positional = new List<string>();
        string? ns = null;
        var allNamespaces = false;
        string? subresource = null;
        string? apiGroup = null;
        var flagsDone = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (flagsDone || arg.Length < 2 || arg[0] != '-')
            {
                positional.Add(arg);
                continue;
            }

            if (string.Equals(arg, "--", StringComparison.Ordinal))
            {
                flagsDone = true;
                continue;
            }

            string name;
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var equals = arg.IndexOf('=', StringComparison.Ordinal);
                name = equals < 0 ? arg : arg[..equals];
                inlineValue = equals < 0 ? null : arg[(equals + 1)..];
            }
            else
            {
                name = arg[..2];
                if (arg.Length > 2)
                {
                    inlineValue = arg[2] == '=' ? arg[3..] : arg[2..];
                }
            }

            switch (name)
            {
                case "-A" or "--all-namespaces":
                    if (!TryBoolean(name, inlineValue, out allNamespaces, out error))
                    {
                        return false;
                    }

                    break;
                case "-n" or "--namespace":
                    if (!TryValue(args, ref i, name, inlineValue, out ns, out error))
                    {
                        return false;
                    }

                    break;
                case "--subresource":
                    if (!TryValue(args, ref i, name, inlineValue, out subresource, out error))
                    {
                        return false;
                    }

                    break;
                case "--api-group":
                    if (!TryValue(args, ref i, name, inlineValue, out apiGroup, out error, allowEmpty: true))
                    {
                        return false;
                    }

                    break;
                default:
                    error = $"unknown flag '{name}' (allowed: -n/--namespace, -A/--all-namespaces, --subresource, --api-group)";
                    return false;
            }
        }

        return TryBuild(positional, ns, allNamespaces, subresource, apiGroup, out query, out error);
    }

    /// <summary>
    /// Builds the query from values a command-line parser has already separated (no second argv parse):
    /// <paramref name="apiGroup"/> "" is the core group, null means "resolve TYPE through the resource table".
    /// </summary>
    public static bool TryCreate(
        string verb, string type, string? name, string? @namespace, bool allNamespaces, string? subresource, string? apiGroup,
        [NotNullWhen(true)] out CanIQuery? query, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(type);
        if (@namespace is { Length: 0 })
        {
            query = null;
            error = "flag --namespace has an empty value";
            return false;
        }

        if (subresource is { Length: 0 })
        {
            query = null;
            error = "flag --subresource has an empty value";
            return false;
        }

        List<string> positional = name is null ? [verb, type] : [verb, type, name];
        return TryBuild(positional, @namespace, allNamespaces, subresource, apiGroup, out query, out error);
    }

    private static bool TryBuild(
        List<string> positional, string? ns, bool allNamespaces, string? subresource, string? apiGroup,
        [NotNullWhen(true)] out CanIQuery? query, [NotNullWhen(false)] out string? error)
    {
        query = null;
        if (positional.Count is < 2 or > 3)
        {
            error = positional.Count switch
            {
                0 => "missing VERB and RESOURCE",
                1 => $"missing RESOURCE after '{positional[0]}'",
                _ => $"too many arguments ({positional.Count}): expected VERB and RESOURCE, and optionally NAME",
            };
            return false;
        }

        var verb = positional[0];
        if (verb.Length == 0)
        {
            error = "the verb is empty";
            return false;
        }

        if (ns is not null && allNamespaces)
        {
            error = "-n/--namespace and -A/--all-namespaces cannot be used together";
            return false;
        }

        var target = positional[1];
        if (target.StartsWith('/'))
        {
            if (positional.Count == 3)
            {
                error = $"a non-resource URL ('{target}') takes no NAME";
                return false;
            }

            if (ns is not null || allNamespaces)
            {
                error = $"a non-resource URL ('{target}') has no namespace: drop -n/-A";
                return false;
            }

            if (subresource is not null || apiGroup is not null)
            {
                error = $"a non-resource URL ('{target}') takes no --subresource or --api-group";
                return false;
            }

            query = new CanIQuery { Verb = verb, Path = target };
            error = null;
            return true;
        }

        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var resource = slash < 0 ? target : target[..slash];
        var name2 = slash < 0 ? "" : target[(slash + 1)..];
        if (resource.Length == 0)
        {
            error = "the resource is empty";
            return false;
        }

        if (slash >= 0 && name2.Length == 0)
        {
            error = $"'{target}' has no name after '/'";
            return false;
        }

        if (slash >= 0 && positional.Count == 3)
        {
            error = $"give the name once: either '{target}' or a third argument '{positional[2]}', not both";
            return false;
        }

        if (positional.Count == 3)
        {
            name2 = positional[2];
        }

        query = new CanIQuery
        {
            Verb = verb,
            ResourceArg = resource.ToLowerInvariant(),
            Name = name2,
            Namespace = ns ?? "",
            AllNamespaces = allNamespaces,
            Subresource = subresource ?? "",
            ApiGroup = apiGroup,
        };
        error = null;
        return true;
    }

    private static bool TryValue(
        IReadOnlyList<string> args,
        ref int index,
        string flag,
        string? inlineValue,
        [NotNullWhen(true)] out string? value,
        [NotNullWhen(false)] out string? error,
        bool allowEmpty = false)
    {
        if (inlineValue is null)
        {
            if (index + 1 >= args.Count)
            {
                value = null;
                error = $"flag {flag} needs a value";
                return false;
            }

            index++;
            inlineValue = args[index];
        }

        if (inlineValue.Length == 0 && !allowEmpty)
        {
            value = null;
            error = $"flag {flag} has an empty value";
            return false;
        }

        value = inlineValue;
        error = null;
        return true;
    }

    private static bool TryBoolean(string flag, string? inlineValue, out bool value, [NotNullWhen(false)] out string? error)
    {
        switch (inlineValue)
        {
            case null or "true":
                value = true;
                error = null;
                return true;
            case "false":
                value = false;
                error = null;
                return true;
            default:
                value = false;
                error = $"flag {flag} takes no value other than true or false, got '{inlineValue}'";
                return false;
        }
    }

    /// <summary>Splits on whitespace; '...' and "..." group words and are removed.</summary>
    internal static bool TrySplit(string text, out List<string> args, [NotNullWhen(false)] out string? error)
    {
        args = [];
        var current = new StringBuilder();
        var inToken = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inToken = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    args.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }

        if (quote is not null)
        {
            error = $"unterminated {quote} quote";
            return false;
        }

        if (inToken)
        {
            args.Add(current.ToString());
        }

        error = null;
        return true;
    }
}
