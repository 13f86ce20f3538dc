using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Migration;
using EksAccess.Core.AwsAuth;

namespace EksAccess.Core.Tests.Migration;

public sealed class MigrationPlannerTests
{
    private static MigrationVerdict Verdict(ImmutableArray<MigrationVerdict> verdicts, string source) =>
        verdicts.Single(v => string.Equals(v.Source, source, StringComparison.Ordinal));

    private static ImmutableArray<MigrationVerdict> Corpus(IReadOnlyDictionary<string, PrincipalLookup>? lookups = null, params string[] observed) =>
        MigrationPlanner.Decide(new MigrationInput(MigrationSnapshots.Corpus(), AuthenticationMode.Api) { Lookups = lookups, ObservedPrincipals = [.. observed] });

    [Fact]
    public void Duplicate_role_mappings_follow_the_authenticator_the_last_wins()
    {
        var verdicts = Corpus();
        var first = Verdict(verdicts, "mapRoles[0]");
        first.Status.ShouldBe(MigrationStatus.AlreadyCovered);
        first.Entry.ShouldBeNull();
        first.Reason.ShouldContain("mapRoles[1]");
        var last = Verdict(verdicts, "mapRoles[1]");
        last.Status.ShouldBe(MigrationStatus.Converted);
        last.Entry!.Entry.Username.ShouldBe("deployer");
        last.Entry.Entry.KubernetesGroups.ShouldBe(["dev-team"]);
    }

    [Fact]
    public void A_node_role_becomes_EC2_LINUX_and_says_system_bootstrappers_is_no_longer_listed()
    {
        var verdict = Verdict(Corpus(), "mapRoles[2]");
        verdict.Status.ShouldBe(MigrationStatus.ConvertedWithChanges);
        verdict.Entry!.Entry.Type.ShouldBe(AccessEntryDefaults.Ec2Linux);
        verdict.Entry.Entry.KubernetesGroups.ShouldBe([AccessEntryDefaults.NodesGroup]);
        verdict.Changes.ShouldContain(c => c.StartsWith("system:bootstrappers no longer listed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Fargate_pod_execution_role_becomes_FARGATE_LINUX()
    {
        var verdict = Verdict(Corpus(), "mapRoles[3]");
        verdict.Status.ShouldBe(MigrationStatus.ConvertedWithChanges);
        verdict.Entry!.Entry.Type.ShouldBe(AccessEntryDefaults.FargateLinux);
        verdict.Entry.Entry.Username.ShouldBe(AccessEntryDefaults.SessionNodeUsername);
        verdict.Entry.ReviewedGroups.ShouldBe(["system:bootstrappers", "system:nodes", "system:node-proxier"], ignoreOrder: true);
    }

    [Fact]
    public void Cross_account_roles_are_converted_offline_and_unresolvable_without_a_role_in_their_account()
    {
        Verdict(Corpus(), "mapRoles[4]").Status.ShouldBe(MigrationStatus.Converted);
        var lookups = Lookups(("arn:aws:iam::444455556666:role/Auditor", PrincipalLookup.Unresolvable("account 444455556666 is not the caller's: give --assume-role-in 444455556666=ROLE_ARN")));
        var verdict = Verdict(Corpus(lookups), "mapRoles[4]");
        verdict.Status.ShouldBe(MigrationStatus.NotConvertible);
        verdict.Reason.ShouldContain("--assume-role-in 444455556666");
        verdict.Entry.ShouldBeNull();
    }

    [Fact]
    public void A_rolearn_with_a_path_never_matches_today_and_is_not_converted()
    {
        var verdict = Verdict(Corpus(), "mapRoles[5]");
        verdict.Status.ShouldBe(MigrationStatus.NotConvertible);
        verdict.Reason.ShouldContain("never matches today");
    }

    [Fact]
    public void An_SSO_role_gets_its_real_path_from_IAM_and_system_masters_becomes_the_cluster_admin_policy_keeping_its_other_groups()
    {
        const string Real = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/us-east-1/AWSReservedSSO_PlatformAdmin_0123456789abcdef";
        Verdict(Corpus(), "mapRoles[6]").Changes.ShouldContain(c => c.Contains("aws-reserved/sso.amazonaws.com/", StringComparison.Ordinal));

        var verdict = Verdict(Corpus(Lookups(("arn:aws:iam::111122223333:role/AWSReservedSSO_PlatformAdmin_0123456789abcdef", PrincipalLookup.Found(Real, "AROAEXAMPLESSO00001")))), "mapRoles[6]");
        verdict.Status.ShouldBe(MigrationStatus.ConvertedWithChanges);
        verdict.PrincipalArn.ShouldBe(Real);
        var entry = verdict.Entry!.Entry;
        entry.PrincipalArn.ShouldBe(Real);
        entry.Username.ShouldBe("sso-admin:{{SessionName}}");
        entry.KubernetesGroups.ShouldBe(["ops-team"]);
        entry.AssociatedAccessPolicies.ShouldHaveSingleItem().PolicyArn.ShouldBe(MigrationPlanner.ClusterAdminPolicyArn);
        entry.AssociatedAccessPolicies[0].AccessScope.IsCluster.ShouldBeTrue();
    }

    [Fact]
    public void A_session_template_without_a_colon_before_it_and_other_system_groups_are_not_convertible()
    {
        var verdicts = Corpus();
        Verdict(verdicts, "mapRoles[7]").Status.ShouldBe(MigrationStatus.NotConvertible);
        Verdict(verdicts, "mapRoles[7]").Reason.ShouldContain("needs a ':' before the placeholder");
        Verdict(verdicts, "mapRoles[8]").Status.ShouldBe(MigrationStatus.NotConvertible);
        Verdict(verdicts, "mapRoles[8]").Reason.ShouldContain("system:monitoring");
        Verdict(verdicts, "mapRoles[4]").Entry!.Entry.Username.ShouldBe("auditor:{{SessionName}}");
    }

    [Fact]
    public void A_mapping_without_a_username_gets_the_default_and_says_so()
    {
        var verdict = Verdict(Corpus(), "mapRoles[9]");
        verdict.Status.ShouldBe(MigrationStatus.ConvertedWithChanges);
        verdict.Entry!.Entry.Username.ShouldBe("arn:aws:sts::111122223333:assumed-role/Legacy/{{SessionName}}");
        verdict.Changes.ShouldContain(c => c.StartsWith("username: empty today", StringComparison.Ordinal));
    }

    [Fact]
    public void Deleted_principals_and_the_root_user_are_not_convertible()
    {
        var verdicts = Corpus(Lookups(("arn:aws:iam::111122223333:user/departed", PrincipalLookup.NotFound("iam:GetUser departed in account 111122223333: NoSuchEntity"))));
        Verdict(verdicts, "mapUsers[1]").Status.ShouldBe(MigrationStatus.NotConvertible);
        Verdict(verdicts, "mapUsers[1]").Reason.ShouldContain("no longer exists");
        Verdict(verdicts, "mapUsers[2]").Status.ShouldBe(MigrationStatus.NotConvertible);
        Verdict(verdicts, "mapUsers[2]").Reason.ShouldContain("root");
    }

    [Fact]
    public void A_user_whose_real_ARN_has_a_path_the_mapping_lacks_never_matched_and_is_not_converted()
    {
        var verdicts = Corpus(Lookups(("arn:aws:iam::111122223333:user/alice", PrincipalLookup.Found("arn:aws:iam::111122223333:user/staff/alice", "AIDAEXAMPLEALICE0001"))));
        Verdict(verdicts, "mapUsers[0]").Status.ShouldBe(MigrationStatus.NotConvertible);
        Verdict(verdicts, "mapUsers[0]").Reason.ShouldContain("user/staff/alice");
    }

    [Fact]
    public void MapAccounts_is_not_convertible_and_lists_who_the_logs_show_it_admits()
    {
        var verdict = Verdict(Corpus(null, "arn:aws:sts::777788889999:assumed-role/CiRunner/build-17", "arn:aws:iam::111122223333:user/alice"), "mapAccounts[0]");
        verdict.Status.ShouldBe(MigrationStatus.NotConvertible);
        verdict.PrincipalArn.ShouldBe("arn:aws:iam::777788889999:*");
        verdict.Admitted.ShouldBe(["arn:aws:iam::777788889999:role/CiRunner"]);
    }

    [Fact]
    public void Existing_entries_are_already_covered_or_EKS_managed_and_say_whether_they_are_equivalent()
    {
        var verdicts = MigrationPlanner.Decide(new MigrationInput(MigrationSnapshots.Seed("000-developer-access"), AuthenticationMode.Api));
        Verdict(verdicts, "mapRoles[1]").Status.ShouldBe(MigrationStatus.EksManaged);
        var john = Verdict(verdicts, "mapUsers[0]");
        john.Status.ShouldBe(MigrationStatus.AlreadyCovered);
        john.Reason.ShouldContain("NOT equivalent");
        john.Changes.ShouldContain(c => c.Contains("AmazonEKSEditPolicy", StringComparison.Ordinal));
        Verdict(verdicts, "mapRoles[0]").Status.ShouldBe(MigrationStatus.Converted);
    }

    private static Dictionary<string, PrincipalLookup> Lookups(params (string Arn, PrincipalLookup Lookup)[] overrides)
    {
        // Every mapped principal exists with the ARN as written, except the overrides.
        var awsAuth = AwsAuthParser.Parse(MigrationSnapshots.Corpus().AwsAuth!);
        var result = awsAuth.MapRoles.Select(r => r.RoleArn).Concat(awsAuth.MapUsers.Select(u => u.UserArn))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(arn => arn.ToLowerInvariant(), arn => PrincipalLookup.Found(arn, "AIDAEXAMPLE"), StringComparer.Ordinal);
        foreach (var (arn, lookup) in overrides)
        {
            result[arn.ToLowerInvariant()] = lookup;
        }

        return result;
    }
}
