using EksAccess.Core.Evaluation;
using EksAccess.Core.Planning;

namespace EksAccess.Cli;

/// <summary>Reads the state a query runs against: a snapshot directory, or the state an access config would create.</summary>
internal static class ModelLoader
{
    public static AccessModel Load(string? snapshotDirectory, string? configPath, bool includeDefaultRoles, TextWriter stderr)
    {
        if (snapshotDirectory is not null)
        {
            var loaded = SnapshotDirectory.Read(snapshotDirectory);
            foreach (var warning in loaded.Warnings)
            {
                stderr.WriteLine($"warning: {warning}");
            }

            return AccessModel.Build(loaded.Snapshot, includeDefaultRoles);
        }

        if (configPath is not null)
        {
            return AccessModel.Build(DesiredState.Build(ConfigLoader.LoadValid(configPath)), includeDefaultRoles);
        }

        throw new InputException(
            "no state to evaluate — give --snapshot DIR (a snapshot directory, see DESIGN.md) or -f access.yaml (the state that config creates)");
    }
}
