using EksAccess.Core.Snapshots.Loading;
using EksAccess.Core.Text;
using YamlDotNet.Core;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Snapshots;

/// <summary>
/// Reads a snapshot directory's files (docs/snapshot-format.md) into a <see cref="ClusterSnapshot"/>:
/// <c>cluster.json</c> (describe-cluster), <c>access-entries.json|yaml|yml</c>, and every other file as Kubernetes
/// objects printed by <c>kubectl get -o yaml|json</c>. One pass over YamlDotNet's parser events per file (JSON is read
/// as YAML). Errors name file:line:column; duplicates are warnings and the last one wins.
/// </summary>
public static class SnapshotLoader
{
    public const string ClusterFileName = "cluster.json";

    public static SnapshotLoadResult Load(IEnumerable<SnapshotFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var builder = new SnapshotBuilder();
        foreach (var file in files)
        {
            var reader = ReaderFor(file, builder);
            try
            {
                reader.ReadAll();
            }
            catch (YamlException ex)
            {
                builder.Error(SyntaxError(file, ex));
            }
        }

        return builder.Build();
    }

    /// <summary>True for the names of the access-entries file (access-entries.json, .yaml or .yml).</summary>
    public static bool IsAccessEntriesFile(string fileName) =>
        fileName is "access-entries.json" or "access-entries.yaml" or "access-entries.yml";

    private static YamlNodeReader ReaderFor(SnapshotFile file, SnapshotBuilder builder)
    {
        var name = Path.GetFileName(file.Path);
        if (string.Equals(name, ClusterFileName, StringComparison.Ordinal))
        {
            return new ClusterFileReader(file, builder);
        }

        return IsAccessEntriesFile(name) ? new AccessEntriesFileReader(file, builder) : new KubernetesObjectReader(file, builder);
    }

    private static Diagnostic SyntaxError(SnapshotFile file, YamlException ex)
    {
        var location = new SourceLocation(file.Path, (int)ex.Start.Line, (int)ex.Start.Column);
        if (ex is InputTooDeepException)
        {
            return new Diagnostic(location, $"the file is {InputLimits.TooDeepMessage}", "no kubectl or aws output nests this deep: regenerate the file (see docs/decisions/input-limits.md)");
        }

        var isJson = file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var message = ex.Message.TrimEnd('.');
        if (message.Length > 0)
        {
            message = char.ToLowerInvariant(message[0]) + message[1..];
        }

        var hint = string.Equals(Path.GetFileName(file.Path), ClusterFileName, StringComparison.Ordinal)
            ? "fix the file; it should be the output of aws eks describe-cluster"
            : "fix the file; snapshot files are kubectl get -o yaml|json (or aws eks) output";
        return new Diagnostic(location, $"{(isJson ? "JSON" : "YAML")} syntax error: {message}", hint);
    }
}
