using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;
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

            if (loaded.Snapshot.Cluster is null)
            {
                stderr.WriteLine($"note: the snapshot has no cluster.json: assuming authentication mode {loaded.Snapshot.AuthenticationMode.ToWire()} — add cluster.json (aws eks describe-cluster) to use the cluster's own");
            }

            var model = AccessModel.Build(loaded.Snapshot, includeDefaultRoles);
            foreach (var section in model.Identities.AwsAuth.UnreadableSections)
            {
                // The authenticator keeps going without the section; so do we, but the answer must say it lacks it.
                stderr.WriteLine($"warning: {section}");
            }

            return model;
        }

        if (configPath is not null)
        {
            return AccessModel.Build(DesiredState.Build(ConfigLoader.LoadValid(configPath)), includeDefaultRoles);
        }

        throw new InputException(
            "no state to evaluate — give --snapshot DIR (a snapshot directory, see DESIGN.md) or -f access.yaml (the state that config creates)");
    }
}
