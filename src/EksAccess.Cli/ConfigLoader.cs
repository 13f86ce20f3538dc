using EksAccess.Core.Config;

namespace EksAccess.Cli;

/// <summary>Reads access configs from disk for every command that takes <c>-f access.yaml</c>.</summary>
internal static class ConfigLoader
{
    /// <summary>
    /// Reads, parses and validates <paramref name="path"/>. Throws <see cref="InputException"/> (exit 3) when the file
    /// cannot be read or has any diagnostic; its message is every diagnostic, one per line, the first line first.
    /// </summary>
    public static AccessConfig LoadValid(string path)
    {
        var result = AccessConfigParser.ParseAndValidate(ReadText(path), path);
        if (!result.IsValid)
        {
            throw new InputException(string.Join(Environment.NewLine, result.Diagnostics));
        }

        return result.Config!;
    }

    /// <summary>The file's text; a missing or unreadable file is an <see cref="InputException"/> with a one-line message.</summary>
    public static string ReadText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputException($"{path}: is a directory, not a file — pass the access config file, e.g. -f {Path.Combine(path, "access.yaml")}");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such file — check the path given to -f");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be read: {ex.Message} — check the file's permissions", ex);
        }
    }
}
