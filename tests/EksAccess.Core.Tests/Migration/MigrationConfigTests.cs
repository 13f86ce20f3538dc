using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Migration;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Migration;

public sealed class MigrationConfigTests
{
    [Fact]
    public void The_config_for_seed_001_manages_exactly_the_planned_entries_when_usernames_are_admins_or_defaults()
    {
        var snapshot = MigrationSnapshots.Seed("001-role-based-access");
        var result = Migrator.Plan(new MigrationInput(snapshot, AuthenticationMode.Api));
        // k8s-devs-role has the custom username 'developer': a config can only give that to an admin.
        var (_, refusal) = MigrationConfig.Render(result, "access.yaml");
        refusal.ShouldNotBeNull();
        refusal.ShouldContain("k8s-devs-role");

        var defaults = result with
        {
            Entries = [.. result.Entries.Select(p => p.Entry.PrincipalArn.EndsWith("k8s-devs-role", StringComparison.Ordinal)
                ? p with { Entry = p.Entry with { Username = "arn:aws:sts::293759796572:assumed-role/k8s-devs-role/{{SessionName}}" } }
                : p)],
        };
        var (text, none) = MigrationConfig.Render(defaults, "access.yaml");
        none.ShouldBeNull();
        var config = AccessConfigParser.ParseAndValidate(text!, "access.yaml");
        config.IsValid.ShouldBeTrue(string.Join("; ", config.Diagnostics));
        var desired = DesiredState.Build(config.Config!);
        // Node entries: EKS fixes their groups, so the config lists none.
        static string Groups(string type, IEnumerable<string> groups) => AccessEntryDefaults.IsStandard(type) ? string.Join(",", groups) : "";
        desired.AccessEntries.Select(e => (e.PrincipalArn, AccessEntryDefaults.NormalizeType(e.Type), Groups(e.Type, e.KubernetesGroups)))
            .ShouldBe(defaults.Entries.Select(p => (p.Entry.PrincipalArn, p.Entry.Type, Groups(p.Entry.Type, p.Entry.KubernetesGroups))), ignoreOrder: true);
    }
}
