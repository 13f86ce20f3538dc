using EksAccess.Core.Config;
using EksAccess.Core.Desired;

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
            // One error line: the first problem, and where to see them all.
            var others = result.Diagnostics.Length - 1;
            throw new InputException(others == 0
                ? result.Diagnostics[0].ToString()
                : $"{result.Diagnostics[0]} (and {others} more {(others == 1 ? "problem" : "problems")}: run 'eksaccess validate -f {path}')");
        }

        return result.Config!;
    }

    /// <summary>
    /// <see cref="LoadValid(string)"/>, then the expiry checks that need the clock (<see cref="ConfigExpiry.Check"/>): an
    /// <c>expires</c> beyond cluster.maxGrantDuration is an error (exit 3); one already past is a warning on
    /// <paramref name="stderr"/>, since plan and apply treat the item as absent.
    /// </summary>
    public static async Task<AccessConfig> LoadValidAsync(string path, DateTimeOffset now, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var config = LoadValid(path);
        var (errors, warnings) = ConfigExpiry.Check(config, now);
        if (!errors.IsEmpty)
        {
            throw new InputException(errors.Length == 1 ? errors[0].ToString() : $"{errors[0]} (and {errors.Length - 1} more: run 'eksaccess validate -f {path}')");
        }

        foreach (var warning in warnings)
        {
            await stderr.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
        }

        return config;
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
            return DecodeUtf8(path, File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be read: {ex.Message} — check the file's permissions", ex);
        }
    }

    /// <summary>Strict UTF-8 (a BOM is dropped): an invalid byte is an error at its line:column, not a silent U+FFFD in a name.</summary>
    private static string DecodeUtf8(string path, byte[] bytes)
    {
        ReadOnlySpan<byte> text = bytes;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        var chars = new char[text.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(text, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done)
        {
            return new string(chars, 0, written);
        }

        var before = text[..read];
        var line = before.Count((byte)'\n') + 1;
        var column = read - before.LastIndexOf((byte)'\n');
        throw new InputException($"{path}:{line}:{column}: the file is not valid UTF-8 (byte 0x{text[read].ToString("X2", System.Globalization.CultureInfo.InvariantCulture)}) — save it as UTF-8");
    }
}
