namespace EksAccess.Core.Rendering;

/// <summary>Words for a bash command line: bare when every character is safe, else single-quoted ('\'' for a quote).</summary>
internal static class BashQuoting
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value.All(IsSafe))
        {
            return value;
        }

        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    // No glob, brace, tilde, variable, history or word-splitting characters: '=' and ':' are safe after the first
    // character, and '~' is left out (it expands at the start of a word and after ':' or '=' in assignments).
    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '=' or ',' or '@' or '+' or '%';
}
