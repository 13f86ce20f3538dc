using EksAccess.Core.Snapshots;

namespace EksAccess.Cli;

/// <summary>Reads a snapshot directory (docs/snapshot-format.md) from disk and loads it; bad input becomes an <see cref="InputException"/>.</summary>
internal static class SnapshotDirectory
{
    private const string Hint = "pass --snapshot DIR with a directory written by 'eksaccess snapshot' (or by hand: cluster.json, access-entries.json, kubectl get -o yaml files)";

    /// <summary>
    /// Loads every top-level <c>*.json</c>, <c>*.yaml</c> and <c>*.yml</c> file, in ordinal name order. Throws
    /// <see cref="InputException"/> when the directory cannot be read or any file has an error; returns the warnings.
    /// </summary>
    public static SnapshotLoadResult Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        List<string> paths;
        try
        {
            if (!Directory.Exists(directory))
            {
                throw new InputException($"snapshot directory '{directory}' does not exist — {Hint}");
            }

            paths = [.. Directory.EnumerateFiles(directory)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(IsSnapshotFile)
                .Order(StringComparer.Ordinal)
                .Select(name => Path.Join(directory, name))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read snapshot directory '{directory}': {ex.Message} — {Hint}", ex);
        }

        if (paths.Count == 0)
        {
            // Read as an empty cluster it would answer "not mapped" for everyone: a wrong answer, not an empty one.
            throw new InputException($"snapshot directory '{directory}' has no snapshot file (cluster.json, access-entries.json, *.yaml/*.yml/*.json Kubernetes objects) — {Hint}");
        }

        // Lazy: one file's text is alive at a time, so a large snapshot needs memory for its records, not its text.
        var result = SnapshotLoader.Load(paths.Select(ReadFile));
        if (result.HasErrors)
        {
            var first = result.Errors[0].ToString();
            var others = result.Errors.Length - 1;
            throw new InputException(others == 0 ? first : $"{first} (and {others} more {(others == 1 ? "error" : "errors")} in the snapshot)");
        }

        return result;
    }

    private static bool IsSnapshotFile(string name) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static SnapshotFile ReadFile(string path)
    {
        try
        {
            return new SnapshotFile(path, File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read snapshot file '{path}': {ex.Message} — check that the file exists and is readable", ex);
        }
    }
}
