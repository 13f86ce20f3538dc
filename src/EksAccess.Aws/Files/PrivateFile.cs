namespace EksAccess.Aws.Files;

/// <summary>
/// The one way eksaccess writes a file only its owner may read (access keys, kubeconfigs, aws-auth backups, cached
/// tokens): the bytes go to a temp file beside the target that is created with mode 0600 (never a moment wider),
/// flushed to disk, then renamed onto the target — so a reader sees the old file or the whole new one, never a part.
/// </summary>
public static class PrivateFile
{
    /// <summary>Owner read and write: 0600.</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, replacing what is there.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = Temporary(path);
        try
        {
            using (var stream = Open(temporary))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>As <see cref="Write"/>, asynchronously.</summary>
    public static Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        WriteAsync(path, bytes, overwrite: true, cancellationToken);

    /// <summary>Writes a new file; an existing <paramref name="path"/> is never replaced (<see cref="IOException"/>): it may be the only copy of a secret.</summary>
    public static Task CreateNewAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        WriteAsync(path, bytes, overwrite: false, cancellationToken);

    private static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, bool overwrite, CancellationToken cancellationToken)
    {
        var temporary = Temporary(path);
        try
        {
            await using (var stream = Open(temporary))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static string Temporary(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new IOException($"{path}: not a file path");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(full)}.eksaccess-{Guid.NewGuid():N}.tmp");
    }

    private static FileStream Open(string temporary)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        return new FileStream(temporary, options);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp file is owner-only and harmless.
        }
    }
}
