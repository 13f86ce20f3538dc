using EksAccess.Core.Migration;
using EksAccess.Core.Text;

namespace EksAccess.Cli.Commands;

/// <summary><c>migrate --write-config F</c>: writes the access config that manages the planned entries (<see cref="MigrationConfig"/>), whole or not at all.</summary>
internal static class MigrateConfigWriter
{
    /// <summary>Writes the file; returns one line saying what was written. A config that cannot manage the entries is an <see cref="InputException"/>, and nothing is written.</summary>
    public static string Write(string path, MigrationResult result)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            // Merging into a hand-written config would reorder and drop its comments; never overwrite one either.
            throw new InputException($"--write-config {Echo.Quote(path)}: the file exists — give a new path and merge the teams, admins and nodeRoles it writes into your config");
        }

        var (text, refusal) = MigrationConfig.Render(result, path);
        if (text is null)
        {
            throw new InputException($"--write-config {Echo.Quote(path)}: {refusal}");
        }

        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new InputException($"--write-config {Echo.Quote(path)}: cannot write it ({ex.Message})");
        }

        return $"wrote {path}: an access config managing {result.Entries.Length} access entr{(result.Entries.Length == 1 ? "y" : "ies")} (eksaccess plan -f {path} shows what it would change)";
    }
}
