using System.Text;
using EksAccess.Core.Tokens;

using EksAccess.Aws.Files;

namespace EksAccess.Aws.Tokens;

/// <summary>
/// The on-disk token cache: one file per <see cref="EksTokenCacheKey"/> in a directory of mode 0700
/// (<c>~/.kube/cache/eksaccess/tokens</c> by default), each file mode 0600 and written atomically (a temporary file
/// in the same directory, then a rename). Anything unreadable, malformed, too permissive or about to expire is a miss;
/// a failure to write is ignored (the token is still printed). Tokens never leave these files.
/// </summary>
public sealed class EksTokenCache
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public EksTokenCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary><c>$HOME/.kube/cache/eksaccess/tokens</c>; null when there is no home directory.</summary>
    public static string? DefaultDirectory(Func<string, string?> environmentVariables)
    {
        ArgumentNullException.ThrowIfNull(environmentVariables);
        var home = environmentVariables("HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return string.IsNullOrWhiteSpace(home) ? null : Path.Combine(home, ".kube", "cache", "eksaccess", "tokens");
    }

    public string PathFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 64 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("a cache key is 64 lower-case hex digits (EksTokenCacheKey.Compute)", nameof(key));
        }

        return Path.Combine(Directory, key + ".json");
    }

    /// <summary>The cached token for <paramref name="key"/> if it may still be handed out at <paramref name="now"/>.</summary>
    public CachedEksToken? TryGet(string key, DateTimeOffset now)
    {
        var path = PathFor(key);
        try
        {
            if (!OperatingSystem.IsWindows() && ((File.GetUnixFileMode(path) & GroupOrOther) != UnixFileMode.None || (File.GetUnixFileMode(Directory) & GroupOrOther) != UnixFileMode.None))
            {
                return null;
            }

            var cached = CachedEksToken.TryParse(File.ReadAllText(path));
            return cached is not null && EksTokenLifetime.IsReusable(cached.SignedAt, now) ? cached : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="token"/> under <paramref name="key"/>; false when it could not be written.</summary>
    public bool TryPut(string key, CachedEksToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var path = PathFor(key);
        try
        {
            CreatePrivateDirectory();
            PrivateFile.Write(path, Encoding.UTF8.GetBytes(token.ToJson()));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Removes every cached token (e.g. after revoking access).</summary>
    public void Clear()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            TryDelete(file);
        }
    }

    private void CreatePrivateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
            return;
        }

        System.IO.Directory.CreateDirectory(Directory, DirectoryMode);
        if ((File.GetUnixFileMode(Directory) & GroupOrOther) != UnixFileMode.None)
        {
            // It existed with a wider mode: tighten it (ours) rather than write tokens others can list.
            File.SetUnixFileMode(Directory, DirectoryMode);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stale temporary file is harmless (mode 0600, ignored by TryGet).
        }
    }
}
