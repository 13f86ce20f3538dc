using EksAccess.Core.Identity;
using EksAccess.Core.Migration;

namespace EksAccess.Core.Tests.Migration;

public sealed class EquivalenceProverTests
{
    [Fact]
    public void Seed_001_is_equivalent_with_review_items_for_system_masters_and_the_node_role()
    {
        var result = Migrator.Plan(new MigrationInput(MigrationSnapshots.Seed("001-role-based-access"), AuthenticationMode.Api));
        result.Entries.Length.ShouldBe(3);
        result.Proof.Equivalent.ShouldBeTrue(string.Join("; ", result.Proof.Differences.Select(d => $"{d.PrincipalArn} {d.Stage}: {string.Join(", ", d.What)}")));
        result.Proof.ReviewItems.Select(r => r.PrincipalArn).ShouldBe(
            ["arn:aws:iam::293759796572:role/eks-node-role", "arn:aws:iam::293759796572:user/eks-admin"], ignoreOrder: true);
        result.Proof.Checks.ShouldBeGreaterThan(result.Proof.Principals * result.Proof.MatrixSize);
    }

    [Fact]
    public void Seed_000_to_API_finds_no_difference_because_every_mapped_principal_keeps_its_access()
    {
        var result = Migrator.Plan(new MigrationInput(MigrationSnapshots.Seed("000-developer-access"), AuthenticationMode.Api));
        result.Proof.Equivalent.ShouldBeTrue(string.Join("; ", result.Proof.Differences.Select(d => $"{d.PrincipalArn} {d.Stage}: {string.Join(", ", d.What)}")));
    }

    [Fact]
    public void The_corpus_to_API_reports_every_principal_that_loses_access_by_stage()
    {
        var result = Migrator.Plan(new MigrationInput(MigrationSnapshots.Corpus(), AuthenticationMode.Api)
        {
            ObservedPrincipals = ["arn:aws:sts::777788889999:assumed-role/CiRunner/build-17"],
        });
        result.Proof.Equivalent.ShouldBeFalse();
        var differences = result.Proof.Differences.ToDictionary(d => (d.PrincipalArn, d.Stage));

        // mapAccounts: admitted today, lost at the switch to API.
        var ci = differences[("arn:aws:iam::777788889999:role/CiRunner", "mode API")];
        ci.What.ShouldContain("loses authentication");
        ci.Before.Username.ShouldBe("arn:aws:iam::777788889999:role/CiRunner");

        // Not convertible: kept by aws-auth in API_AND_CONFIG_MAP, lost in API.
        differences.ShouldContainKey(("arn:aws:iam::111122223333:role/Contractor", "mode API"));
        differences.ShouldContainKey(("arn:aws:iam::111122223333:role/Monitoring", "mode API"));
        differences[("arn:aws:iam::111122223333:role/Contractor", "mode API")].RequestCount.ShouldBeGreaterThan(0);

        // No username: the entry's default username differs, the moment the entry exists.
        var legacy = result.Proof.Differences.Single(d => d.PrincipalArn.EndsWith("role/Legacy", StringComparison.Ordinal));
        legacy.Stage.ShouldStartWith("entry ");
        legacy.What.ShouldContain(w => w.StartsWith("username ''", StringComparison.Ordinal));

        // Converted principals are not differences; system:masters is a review item.
        result.Proof.Differences.ShouldNotContain(d => d.PrincipalArn.EndsWith("role/Deployer", StringComparison.Ordinal));
        result.Proof.Differences.ShouldNotContain(d => d.PrincipalArn.EndsWith("user/alice", StringComparison.Ordinal));
        result.Proof.ReviewItems.ShouldContain(r => r.PrincipalArn.EndsWith("user/alice", StringComparison.Ordinal));
        result.Proof.Differences.ShouldNotContain(d => d.PrincipalArn.Contains(EquivalenceProver.ControlUserName, StringComparison.Ordinal));
    }

    [Fact]
    public void Staying_in_API_AND_CONFIG_MAP_keeps_what_aws_auth_maps()
    {
        var result = Migrator.Plan(new MigrationInput(MigrationSnapshots.Corpus(), AuthenticationMode.ApiAndConfigMap));
        result.Proof.Differences.ShouldNotContain(d => d.PrincipalArn.EndsWith("role/Contractor", StringComparison.Ordinal));
        result.Proof.Differences.Select(d => d.PrincipalArn).Distinct().ShouldBe(["arn:aws:iam::111122223333:role/Legacy"]);
    }

    [Fact]
    public void Accepted_principals_let_the_migration_proceed_but_stay_reported()
    {
        var result = Migrator.Plan(new MigrationInput(MigrationSnapshots.Corpus(), AuthenticationMode.ApiAndConfigMap) { Accepted = ["arn:aws:iam::111122223333:role/Legacy"] });
        result.Proof.Equivalent.ShouldBeFalse();
        result.Proof.Differences.ShouldAllBe(d => d.Accepted);
        result.Proof.Proceed.ShouldBeTrue();
    }

    [Fact]
    public void An_entry_that_drops_a_group_is_a_difference_at_its_own_creation_with_the_requests_it_changes()
    {
        var input = new MigrationInput(MigrationSnapshots.Corpus(), AuthenticationMode.ApiAndConfigMap);
        var wrong = new PlannedEntry("mapRoles[1]", new AccessEntry("arn:aws:iam::111122223333:role/Deployer", AccessEntry.StandardType, "deployer", [], []));
        var proof = EquivalenceProver.Prove(input, [wrong]);
        var difference = proof.Differences.ShouldHaveSingleItem();
        difference.Stage.ShouldBe("entry 1 of 1 (mapRoles[1]) created");
        difference.What.ShouldContain("groups [dev-team] → []");
        difference.Requests.ShouldAllBe(r => r.Request.EndsWith(" -n apps", StringComparison.Ordinal) && r.Before && !r.After);
        difference.RequestCount.ShouldBeGreaterThan(difference.Requests.Length);
    }

    [Fact]
    public void An_ignored_entry_that_differs_is_found_at_the_switch_out_of_CONFIG_MAP()
    {
        var snapshot = MigrationSnapshots.Seed("001-role-based-access");
        snapshot = snapshot with
        {
            AccessEntries = [new AccessEntry("arn:aws:iam::293759796572:role/k8s-devs-role", AccessEntry.StandardType, "developer", [], [])],
        };
        var result = Migrator.Plan(new MigrationInput(snapshot, AuthenticationMode.ApiAndConfigMap));
        var difference = result.Proof.Differences.ShouldHaveSingleItem();
        difference.Stage.ShouldBe("mode API_AND_CONFIG_MAP");
        difference.PrincipalArn.ShouldBe("arn:aws:iam::293759796572:role/k8s-devs-role");
    }

    [Fact]
    public void The_target_mode_never_goes_back()
    {
        Migrator.RefuseTarget(AuthenticationMode.Api, AuthenticationMode.ApiAndConfigMap).ShouldNotBeNull();
        Migrator.RefuseTarget(AuthenticationMode.ConfigMap, AuthenticationMode.ConfigMap).ShouldNotBeNull();
        Migrator.RefuseTarget(AuthenticationMode.ConfigMap, AuthenticationMode.Api).ShouldBeNull();
    }
}
