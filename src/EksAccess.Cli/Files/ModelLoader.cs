using EksAccess.Core.Config;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;
using EksAccess.Core.Desired;

namespace EksAccess.Cli;

/// <summary>Reads the state a query runs against: a snapshot directory, or the state an access config would create.</summary>
internal static class ModelLoader
{
    public static AccessModel Load(string? snapshotDirectory, string? configPath, bool includeDefaultRoles, TextWriter stderr) =>
        LoadWithConfig(snapshotDirectory, configPath, includeDefaultRoles, stderr).Model;

    /// <summary>The model and, when it came from <c>-f</c>, the config (so principals can be given by the names it defines).</summary>
    public static (AccessModel Model, AccessConfig? Config) LoadWithConfig(string? snapshotDirectory, string? configPath, bool includeDefaultRoles, TextWriter stderr) =>
        LoadWithConfig(snapshotDirectory, configPath, includeDefaultRoles, stderr, at: null);

    /// <summary>As above; with <paramref name="at"/>, the state the config creates at that instant (expired items absent), so -f is required.</summary>
    public static (AccessModel Model, AccessConfig? Config) LoadWithConfig(string? snapshotDirectory, string? configPath, bool includeDefaultRoles, TextWriter stderr, DateTimeOffset? at)
    {
        if (at is not null && configPath is null)
        {
            throw new InputException("--at answers for the state the config creates at that time — give -f access.yaml (a snapshot is the cluster as it is now)");
        }

        if (snapshotDirectory is not null && configPath is not null)
        {
            // Silently preferring one would answer a question the user did not ask.
            throw new InputException("-f and --snapshot are two different states to evaluate — give one of them (-f: the state the config creates; --snapshot: a cluster as it is)");
        }

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

            return (model, null);
        }

        if (configPath is not null)
        {
            var config = ConfigLoader.LoadValid(configPath);
            var state = at is { } instant ? ConfigExpiry.At(config, instant).Current : config;
            return (AccessModel.Build(DesiredState.Build(state), includeDefaultRoles), config);
        }

        throw new InputException(
            "no state to evaluate — give --snapshot DIR (a snapshot directory: cluster.json, access-entries.json, Kubernetes objects; see README) or -f access.yaml (the state that config creates)");
    }
}
