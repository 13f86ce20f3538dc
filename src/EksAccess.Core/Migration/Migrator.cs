using System.Collections.Immutable;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Migration;

/// <summary>aws-auth → access entries: decide every mapping (<see cref="MigrationPlanner"/>), then prove the result (<see cref="EquivalenceProver"/>), before anything is written.</summary>
public static class Migrator
{
    public static MigrationResult Plan(MigrationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var verdicts = MigrationPlanner.Decide(input);
        var entries = verdicts.Where(v => v.Entry is not null).Select(v => v.Entry!).ToImmutableArray();
        var proof = EquivalenceProver.Prove(input, entries);
        return new MigrationResult(input.Snapshot.AuthenticationMode, input.TargetMode, verdicts, entries, proof)
        {
            ClusterName = input.Snapshot.Cluster?.Name,
            Input = input,
        };
    }

    /// <summary>A mode migrate may go to from <paramref name="from"/>: never back (EKS changes modes one way), never to CONFIG_MAP.</summary>
    public static string? RefuseTarget(AuthenticationMode from, AuthenticationMode to) => to switch
    {
        AuthenticationMode.ConfigMap => "--target-mode CONFIG_MAP: migrate moves to access entries; give API_AND_CONFIG_MAP or API",
        AuthenticationMode.ApiAndConfigMap when from == AuthenticationMode.Api =>
            "the cluster is in API mode already and EKS changes modes one way only; aws-auth is inert there — give --target-mode API",
        _ => null,
    };
}
