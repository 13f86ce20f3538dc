using EksAccess.Aws.Files;
using System.Text;
using EksAccess.Core.Kubeconfig;

namespace EksAccess.Cli.Kubeconfig;

/// <summary>
/// Chooses, reads and writes the kubeconfig file as <c>aws eks update-kubeconfig</c> does: <c>--kubeconfig</c>, else
/// the entry of <c>KUBECONFIG</c> that already holds the cluster, else its first entry, else <c>~/.kube/config</c>.
/// Writes are atomic (a temporary file beside it, then a rename) and leave the file mode 0600.
/// </summary>
internal static class KubeconfigFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static string Choose(string? explicitPath, string? kubeconfigVariable, string? home, string clusterName)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Expand(explicitPath, home);
        }

        var paths = (kubeconfigVariable ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Expand(p, home))
            .ToList();
        if (paths.Count == 0)
        {
            return Expand(Path.Combine("~", ".kube", "config"), home);
        }

        foreach (var path in paths)
        {
            var text = TryRead(path);
            if (text is not null && KubeconfigMerger.HasCluster(text, clusterName))
            {
                return path;
            }
        }

        return paths[0];
    }

    /// <summary>The file's text; null when it does not exist.</summary>
    public static string? Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the kubeconfig: {ex.Message} — check its permissions or pass --kubeconfig FILE", ex);
        }
    }

    public static void Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        _ = Path.GetDirectoryName(full) ?? throw new InputException($"{path}: not a file path — pass --kubeconfig FILE");
        try
        {
            PrivateFile.Write(full, Utf8NoBom.GetBytes(text));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot write the kubeconfig: {ex.Message} — check the directory's permissions or pass --kubeconfig FILE", ex);
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Expand(string path, string? home)
    {
        if (home is not null && (string.Equals(path, "~", StringComparison.Ordinal) || path.StartsWith("~/", StringComparison.Ordinal)))
        {
            path = Path.Combine(home, path.Length > 2 ? path[2..] : "");
        }

        return Path.GetFullPath(path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stale temporary file is harmless.
        }
    }
}
