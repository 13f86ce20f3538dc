using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using FsCheck;
using FsCheck.Fluent;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Planning;

public sealed class AwsPlannerTests
{
    private const string Account = "111122223333";
    private const string ClusterAdmin = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
    private const string Edit = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy";
    private const string View = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";
    private const string PlatformAdmin = "arn:aws:iam::111122223333:role/PlatformAdmin";
    private const string DevJohn = "arn:aws:iam::111122223333:user/dev-john";

    private static readonly ImmutableSortedDictionary<string, string> Managed = AwsEcho.Tags(("managed-by", "eksaccess"));

    public static TheoryData<string> Examples() => ["000-developer-access", "001-role-based-access", "003-cluster-admin-access-entry"];

    [Fact]
    public void Plan_Seed000FromNothing_CreatesIamThenEntriesThenPoliciesInOrder()
    {
        var config = Example("000-developer-access");

        var plan = AwsPlanner.Plan(config, ClusterOnly(config, AuthenticationMode.ApiAndConfigMap));

        plan.HasRefusals.ShouldBeFalse();
        plan.Changes.Select(c => $"{c.ApiCall} {c.Id}").ShouldBe(
        [
            "iam:CreateUser dev-john",
            "iam:CreateRole EKSDeveloperRole",
            "iam:PutUserPolicy dev-john/EKSDescribeCluster",
            "iam:PutRolePolicy EKSDeveloperRole/EKSDescribeCluster",
            "eks:CreateAccessEntry arn:aws:iam::111122223333:role/EKSNodeRole",
            "eks:CreateAccessEntry arn:aws:iam::111122223333:user/dev-john",
            "eks:CreateAccessEntry arn:aws:iam::111122223333:role/EKSDeveloperRole",
            "eks:CreateAccessEntry arn:aws:iam::111122223333:role/PlatformAdmin",
            "eks:AssociateAccessPolicy arn:aws:iam::111122223333:user/dev-john AmazonEKSEditPolicy",
            "eks:AssociateAccessPolicy arn:aws:iam::111122223333:role/EKSDeveloperRole AmazonEKSEditPolicy",
            "eks:AssociateAccessPolicy arn:aws:iam::111122223333:role/PlatformAdmin AmazonEKSClusterAdminPolicy",
        ]);
        plan.Changes.Select(c => c.Order).ShouldBeInOrder();
        plan.Changes.ShouldAllBe(c => c.Target == "aws" && c.Kind == ChangeKind.Create);
        Golden.Verify(PlanRenderer.Render(plan), "Planning", "AwsPlanSeed000FromNothing");
    }

    [Fact]
    public void Plan_Seed001FromNothing_CreatesUsersGroupRolePoliciesAndMembershipsOnly()
    {
        var config = Example("001-role-based-access");

        var plan = AwsPlanner.Plan(config, ClusterOnly(config, AuthenticationMode.ConfigMap));

        plan.Changes.Select(c => $"{c.ApiCall} {c.Id}").ShouldBe(
        [
            "iam:CreateUser dev-alice",
            "iam:CreateUser dev-bob",
            "iam:CreateGroup k8s-devs",
            "iam:CreateRole k8s-devs-role",
            "iam:PutRolePolicy k8s-devs-role/EKSDescribeCluster",
            "iam:PutGroupPolicy k8s-devs/EKSDescribeCluster",
            "iam:PutGroupPolicy k8s-devs/AssumeEksRoles",
            "iam:AddUserToGroup k8s-devs/dev-alice",
            "iam:AddUserToGroup k8s-devs/dev-bob",
        ]);
        plan.Warnings.ShouldBeEmpty();
        var create = AwsPlanner.PlanActions(config, ClusterOnly(config, AuthenticationMode.ConfigMap), force: false).Actions.OfType<CreateIamRoleAction>().ShouldHaveSingleItem();
        IamPolicyDocuments.AreEquivalent(create.AssumeRolePolicyDocument, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::293759796572:root"},"Action":"sts:AssumeRole"}]}""").ShouldBeTrue();
        create.Tags["managed-by"].ShouldBe("eksaccess");
        create.Tags[AwsOwnership.ClusterKey].ShouldBe("arn:aws:eks:eu-west-1:293759796572:cluster/prod-eks-cluster");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Plan_AfterApplyingWithAwsEcho_HasNoChanges(string example)
    {
        var config = Example(example);
        var observed = ClusterOnly(config, AuthenticationMode.ConfigMap);

        var applied = AwsEcho.Apply(observed, AwsPlanner.PlanActions(config, observed, force: false).Actions, AccountOf(config));
        var again = AwsPlanner.Plan(config, applied);

        again.Changes.ShouldBeEmpty(PlanRenderer.Render(again));
        PlanRenderer.Render(again).ShouldContain("No changes.");
    }

    [Fact]
    public void Plan_GeneratedTwoHundredDevelopers_AppliedStateHasNoChanges()
    {
        var config = Developers(teams: 4, perTeam: 50);
        var observed = ClusterOnly(config, AuthenticationMode.ApiAndConfigMap);

        var first = AwsPlanner.PlanActions(config, observed, force: false);
        var again = AwsPlanner.Plan(config, AwsEcho.Apply(observed, first.Actions, AccountOf(config)));

        first.Actions.OfType<CreateIamUserAction>().Count().ShouldBe(200);
        first.Actions.OfType<AddUserToGroupAction>().Count().ShouldBe(200);
        again.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_TrustPolicyOfAnotherAccount_UpdatesAssumeRolePolicy()
    {
        var config = Example("000-developer-access");
        var observed = Applied(config) is var applied
            ? applied with { Roles = [.. applied.Roles.Select(r => r with { AssumeRolePolicyDocument = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}""" })] }
            : null!;

        var plan = AwsPlanner.PlanActions(config, observed, force: false);

        var change = plan.Plan.Changes.ShouldHaveSingleItem();
        (change.Kind, change.ApiCall, change.Id).ShouldBe((ChangeKind.Update, "iam:UpdateAssumeRolePolicy", "EKSDeveloperRole"));
        change.Details[0].ShouldContain("999999999999");
        plan.Actions.ShouldHaveSingleItem().ShouldBeOfType<UpdateAssumeRolePolicyAction>().PolicyDocument.ShouldContain("arn:aws:iam::111122223333:root");
    }

    [Fact]
    public void Plan_TrustPolicyWrittenDifferentlyButSame_NoChange()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);
        // Account id instead of the root ARN, a list Action, another key order, URL-encoded: IAM treats it as the same policy.
        var same = Uri.EscapeDataString("""{ "Statement": [ { "Action": ["sts:AssumeRole"], "Principal": { "AWS": "111122223333" }, "Effect": "Allow" } ], "Version": "2012-10-17" }""");

        var plan = AwsPlanner.Plan(config, applied with { Roles = [.. applied.Roles.Select(r => r with { AssumeRolePolicyDocument = same })] });

        plan.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_MaxSessionDurationAndTagsDrift_UpdatesRoleAndTagsIt()
    {
        var config = Example("000-developer-access");
        config = config with { Iam = config.Iam with { Roles = [config.Iam.Roles[0] with { MaxSessionDuration = 7200, Tags = AwsEcho.Tags(("team", "dev")) }] } };
        var applied = Applied(Example("000-developer-access"));

        var plan = AwsPlanner.Plan(config, applied);

        plan.Changes.Select(c => (c.ApiCall, c.Id)).ShouldBe([("iam:UpdateRole", "EKSDeveloperRole"), ("iam:TagRole", "EKSDeveloperRole")]);
        plan.Changes[0].Details.ShouldBe(["maxSessionDuration: 3600 → 7200"]);
        plan.Changes[1].Details.ShouldBe(["tag team: (none) → dev"]);
    }

    [Fact]
    public void Plan_InlinePolicyChangedStatement_PutsItAgain()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);
        var stale = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"eks:DescribeCluster","Resource":"*"}]}""";

        var plan = AwsPlanner.PlanActions(config, applied with { Users = [.. applied.Users.Select(u => u with { InlinePolicies = u.InlinePolicies.SetItem("EKSDescribeCluster", stale) })] }, force: false);

        var change = plan.Plan.Changes.ShouldHaveSingleItem();
        (change.Kind, change.ApiCall, change.Id).ShouldBe((ChangeKind.Update, "iam:PutUserPolicy", "dev-john/EKSDescribeCluster"));
        plan.Actions[0].ShouldBeOfType<PutInlinePolicyAction>().PolicyDocument.ShouldContain("eks:ListClusters");
    }

    [Fact]
    public void Plan_UnknownInlinePolicyOnUnmanagedUser_WarnsAndKeepsIt()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);
        var users = applied.Users.Select(u => u with { Tags = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), InlinePolicies = u.InlinePolicies.SetItem("HandMade", "{}") });

        var plan = AwsPlanner.Plan(config, applied with { Users = [.. users] });

        plan.Changes.ShouldBeEmpty();
        plan.Warnings.ShouldHaveSingleItem().ShouldContain("inline policy HandMade");
    }

    [Fact]
    public void Plan_UnknownInlinePolicyOnManagedUser_DeletesIt()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);

        var plan = AwsPlanner.Plan(config, applied with { Users = [.. applied.Users.Select(u => u with { InlinePolicies = u.InlinePolicies.SetItem("Old", "{}") })] });

        var change = plan.Changes.ShouldHaveSingleItem();
        (change.Kind, change.ApiCall, change.Id).ShouldBe((ChangeKind.Delete, "iam:DeleteUserPolicy", "dev-john/Old"));
    }

    [Fact]
    public void Plan_ConfigMapToApiAndConfigMap_OneModeChangeBeforeTheEntries()
    {
        var config = Example("000-developer-access");

        var plan = AwsPlanner.Plan(config, ClusterOnly(config, AuthenticationMode.ConfigMap));

        var mode = plan.Changes.Where(c => c.ResourceType == "authentication-mode").ShouldHaveSingleItem();
        mode.Details[0].ShouldBe("authenticationMode: CONFIG_MAP → API_AND_CONFIG_MAP");
        mode.Order.ShouldBeLessThan(plan.Changes.First(c => c.ResourceType == "access-entry").Order);
    }

    [Fact]
    public void Plan_ConfigMapToApi_GoesThroughApiAndConfigMapAndSwitchesToApiAfterThePolicies()
    {
        var config = Example("003-cluster-admin-access-entry");

        var plan = AwsPlanner.PlanActions(config, ClusterOnly(config, AuthenticationMode.ConfigMap), force: false);

        plan.Plan.HasRefusals.ShouldBeFalse();
        plan.Actions.OfType<UpdateAuthenticationModeAction>().Select(a => a.AuthenticationMode).ShouldBe([AuthenticationMode.ApiAndConfigMap, AuthenticationMode.Api]);
        var last = plan.Plan.Changes.Last();
        (last.ApiCall, last.Order).ShouldBe(("eks:UpdateClusterConfig", AwsPlanOrder.AuthenticationModeApi));
        plan.Plan.Changes.Select(c => c.ApiCall).ShouldContain("eks:AssociateAccessPolicy");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Plan_ModeBackwards_IsRefusedEvenWithForce(bool force)
    {
        var config = Example("000-developer-access");
        var observed = Applied(config) with { Cluster = new ObservedCluster("my-cluster") { AuthenticationMode = AuthenticationMode.Api } };

        var plan = AwsPlanner.Plan(config, observed, force);

        var change = plan.Changes.ShouldHaveSingleItem();
        change.ResourceType.ShouldBe("authentication-mode");
        change.Refusal.ShouldNotBeNull().ShouldContain("one way only");
        plan.HasRefusals.ShouldBeTrue();
        PlanRenderer.Render(plan).ShouldContain("REFUSED: EKS changes the authentication mode one way only");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Plan_ToApiWithoutAnyAdminEntry_IsRefusedEvenWithForce(bool force)
    {
        var config = Example("003-cluster-admin-access-entry") with { Admins = [] };
        var observed = ClusterOnly(config, AuthenticationMode.ApiAndConfigMap);

        var plan = AwsPlanner.Plan(config, observed, force);

        var change = plan.Changes.Single(c => c.ResourceType == "authentication-mode");
        change.Refusal.ShouldNotBeNull().ShouldContain("no access entry would have AmazonEKSClusterAdminPolicy");
    }

    [Fact]
    public void Plan_ToApiWithAnExistingUnmanagedAdminEntry_IsAllowed()
    {
        var config = Example("003-cluster-admin-access-entry") with { Admins = [] };
        var observed = ClusterOnly(config, AuthenticationMode.ApiAndConfigMap) with
        {
            AccessEntries = [new ObservedAccessEntry("arn:aws:iam::111122223333:role/Creator") { AssociatedAccessPolicies = [new AssociatedAccessPolicy(ClusterAdmin, AccessScope.Cluster)] }],
        };

        var plan = AwsPlanner.Plan(config, observed);

        plan.HasRefusals.ShouldBeFalse();
        plan.Changes.ShouldContain(c => c.ResourceType == "authentication-mode");
        plan.Changes.ShouldNotContain(c => c.Kind == ChangeKind.Delete);
    }

    [Fact]
    public void Plan_RemovingTheLastManagedAdminEntry_IsRefusedUnlessForced()
    {
        var config = Example("000-developer-access") with { Admins = [] };
        var observed = Applied(Example("000-developer-access"));

        var refused = AwsPlanner.Plan(config, observed);
        var forced = AwsPlanner.Plan(config, observed, force: true);

        var delete = refused.Changes.Single(c => c.ApiCall == "eks:DeleteAccessEntry");
        delete.Id.ShouldBe(PlatformAdmin);
        delete.Refusal.ShouldNotBeNull().ShouldContain("last cluster-admin access entry");
        refused.HasRefusals.ShouldBeTrue();
        forced.HasRefusals.ShouldBeFalse();
        forced.Changes.Single(c => c.ApiCall == "eks:DeleteAccessEntry").Refusal.ShouldBeNull();
        forced.Warnings.ShouldContain(w => w.StartsWith("--force:", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_RemovingTheCallersOwnAdminEntry_IsRefusedEvenWithAnotherAdmin()
    {
        var config = Example("000-developer-access");
        config = config with { Admins = [new AdminConfig("arn:aws:iam::111122223333:role/OtherAdmin")] };
        var observed = Applied(Example("000-developer-access")) with { CallerArn = "arn:aws:sts::111122223333:assumed-role/PlatformAdmin/alice" };

        var plan = AwsPlanner.Plan(config, observed);

        var delete = plan.Changes.Single(c => c.ApiCall == "eks:DeleteAccessEntry");
        delete.Refusal.ShouldNotBeNull().ShouldContain("your own cluster-admin access");
        plan.Changes.Where(c => !c.IsRefused).Select(c => c.ApiCall).ShouldBe(["eks:CreateAccessEntry", "eks:AssociateAccessPolicy"]);
    }

    [Fact]
    public void Plan_NarrowingTheLastAdminToANamespace_IsRefused()
    {
        var config = Example("000-developer-access");
        var observed = Applied(config);
        config = config with
        {
            Admins = [],
            Teams = [config.Teams[0] with { Members = [.. config.Teams[0].Members, PlatformAdmin], AccessPolicies = [.. config.Teams[0].AccessPolicies, TestConfigs.NamespacePolicy("AmazonEKSClusterAdminPolicy", "dev-apps")] }],
        };

        var plan = AwsPlanner.Plan(config, observed);

        plan.Changes.Single(c => c.Id == $"{PlatformAdmin} AmazonEKSClusterAdminPolicy").Refusal.ShouldNotBeNull();
    }

    [Fact]
    public void Plan_UnmanagedEntryNotInConfig_IsLeftAlone()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);
        var bootstrap = new ObservedAccessEntry("arn:aws:iam::111122223333:role/ClusterCreator") { AssociatedAccessPolicies = [new AssociatedAccessPolicy(ClusterAdmin, AccessScope.Cluster)] };

        var plan = AwsPlanner.Plan(config, applied with { AccessEntries = applied.AccessEntries.Add(bootstrap) });

        plan.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_ManagedEntryAndPolicyNoLongerWanted_DisassociatesAndDeletesLast()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);
        var extra = new ObservedAccessEntry("arn:aws:iam::111122223333:user/left") { Tags = Managed, AssociatedAccessPolicies = [new AssociatedAccessPolicy(View, AccessScope.Cluster)] };
        var entries = applied.AccessEntries.Select(e => e.PrincipalArn == DevJohn ? e with { AssociatedAccessPolicies = e.AssociatedAccessPolicies.Add(new AssociatedAccessPolicy(View, AccessScope.Cluster)) } : e);

        var plan = AwsPlanner.Plan(config, applied with { AccessEntries = [.. entries, extra] });

        plan.Changes.Select(c => (c.Kind, c.ApiCall, c.Id)).ShouldBe(
        [
            (ChangeKind.Delete, "eks:DisassociateAccessPolicy", $"{DevJohn} AmazonEKSViewPolicy"),
            (ChangeKind.Delete, "eks:DeleteAccessEntry", "arn:aws:iam::111122223333:user/left"),
        ]);
    }

    [Fact]
    public void Plan_ExtraPolicyOnUnmanagedEntry_WarnsOnly()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);
        var entries = applied.AccessEntries.Select(e => e.PrincipalArn == DevJohn ? e with { Tags = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), AssociatedAccessPolicies = e.AssociatedAccessPolicies.Add(new AssociatedAccessPolicy(View, AccessScope.Cluster)) } : e);

        var plan = AwsPlanner.Plan(config, applied with { AccessEntries = [.. entries] });

        plan.Changes.ShouldBeEmpty();
        plan.Warnings.ShouldHaveSingleItem().ShouldContain("AmazonEKSViewPolicy");
    }

    [Fact]
    public void Plan_PolicyScopeChanged_AssociatesAgainAsUpdate()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);
        var entries = applied.AccessEntries.Select(e => e.PrincipalArn == DevJohn ? e with { AssociatedAccessPolicies = [new AssociatedAccessPolicy(Edit, new AccessScope("namespace", ["dev-apps", "other"]))] } : e);

        var plan = AwsPlanner.Plan(config, applied with { AccessEntries = [.. entries] });

        var change = plan.Changes.ShouldHaveSingleItem();
        (change.Kind, change.ApiCall).ShouldBe((ChangeKind.Update, "eks:AssociateAccessPolicy"));
        change.Details.ShouldBe(["accessScope: namespace [dev-apps, other] → namespace [dev-apps]"]);
    }

    [Fact]
    public void Plan_EntryCreatedWithoutUsername_EchoedDefaultIsNotDrift()
    {
        var config = Example("003-cluster-admin-access-entry");
        var observed = ClusterOnly(config, AuthenticationMode.Api) with
        {
            Roles = Applied(config).Roles,
            AccessEntries =
            [
                new ObservedAccessEntry("arn:aws:iam::111122223333:role/KubernetesAdmin")
                {
                    Username = "arn:aws:sts::111122223333:assumed-role/KubernetesAdmin/{{SessionName}}",
                    Tags = Managed,
                    AssociatedAccessPolicies = [new AssociatedAccessPolicy(ClusterAdmin, new AccessScope("cluster", []))],
                },
            ],
        };

        AwsPlanner.Plan(config, observed).Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_CustomUsernameWhereConfigWantsDefault_ResetsToTheDefault()
    {
        var config = Example("003-cluster-admin-access-entry");
        var applied = Applied(config);
        var observed = applied with { AccessEntries = [.. applied.AccessEntries.Select(e => e with { Username = "someone" })] };

        var plan = AwsPlanner.PlanActions(config, observed, force: false);

        plan.Actions.ShouldHaveSingleItem().ShouldBeOfType<UpdateAccessEntryAction>().Username.ShouldBe("arn:aws:sts::111122223333:assumed-role/KubernetesAdmin/{{SessionName}}");
    }

    [Fact]
    public void Plan_GroupsDrift_UpdatesEntryWithWantedGroups()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);
        var entries = applied.AccessEntries.Select(e => e.PrincipalArn == DevJohn ? e with { KubernetesGroups = ["dev-team", "extra"] } : e);

        var plan = AwsPlanner.PlanActions(config, applied with { AccessEntries = [.. entries] }, force: false);

        plan.Plan.Changes.ShouldHaveSingleItem().Details.ShouldBe(["kubernetesGroups: [dev-team, extra] → [dev-team]"]);
        var update = plan.Actions.ShouldHaveSingleItem().ShouldBeOfType<UpdateAccessEntryAction>();
        update.Username.ShouldBeNull();
        update.KubernetesGroups.ShouldBe(["dev-team"]);
    }

    [Fact]
    public void Plan_EntryOfAnotherType_WarnsThatTheTypeCannotChange()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);
        var entries = applied.AccessEntries.Select(e => e.PrincipalArn.EndsWith("EKSNodeRole", StringComparison.Ordinal) ? e with { Type = "STANDARD" } : e);

        var plan = AwsPlanner.Plan(config, applied with { AccessEntries = [.. entries] });

        plan.Changes.ShouldBeEmpty();
        plan.Warnings.ShouldHaveSingleItem().ShouldContain("EKS cannot change an entry's type");
    }

    [Fact]
    public void Plan_ManagedUserNoLongerInConfig_RemovesMembershipsPoliciesKeysThenUser()
    {
        var config = Example("001-role-based-access");
        var applied = Applied(config);
        var gone = new ObservedIamUser("dev-carol")
        {
            Tags = Managed,
            Groups = ["k8s-devs"],
            InlinePolicies = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add("EKSDescribeCluster", "{}"),
            AccessKeyIds = ["AKIA1"],
        };
        var groups = applied.Groups.Select(g => g with { Members = g.Members.Add("dev-carol") });

        var plan = AwsPlanner.Plan(config, applied with { Users = applied.Users.Add(gone), Groups = [.. groups] });

        plan.Changes.Select(c => $"{c.ApiCall} {c.Id}").ShouldBe(
        [
            "iam:RemoveUserFromGroup k8s-devs/dev-carol",
            "iam:DeleteUserPolicy dev-carol/EKSDescribeCluster",
            "iam:DeleteAccessKey dev-carol/AKIA1",
            "iam:DeleteUser dev-carol",
        ]);
        plan.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_UnmanagedOrOtherClustersUsers_AreNeverDeleted()
    {
        var config = Example("001-role-based-access");
        var applied = Applied(config);
        var unmanaged = new ObservedIamUser("ops");
        var otherCluster = new ObservedIamUser("dev-elsewhere") { Tags = Managed.Add(AwsOwnership.ClusterKey, "arn:aws:eks:us-east-1:293759796572:cluster/other") };
        var otherRole = new ObservedIamRole("elsewhere-role") { Tags = otherCluster.Tags };

        var plan = AwsPlanner.Plan(config, applied with { Users = [.. applied.Users, unmanaged, otherCluster], Roles = applied.Roles.Add(otherRole) });

        plan.Changes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_ManagedRoleThatIsTheCaller_IsRefusedUnlessForced()
    {
        var config = Example("001-role-based-access");
        var applied = Applied(config);
        var observed = applied with
        {
            Roles = applied.Roles.Add(new ObservedIamRole("deployer") { Tags = Managed, InlinePolicies = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add("p", "{}") }),
            CallerArn = "arn:aws:sts::293759796572:assumed-role/deployer/ci",
        };

        var refused = AwsPlanner.Plan(config, observed);
        var forced = AwsPlanner.Plan(config, observed, force: true);

        refused.Changes.Select(c => c.ApiCall).ShouldBe(["iam:DeleteRolePolicy", "iam:DeleteRole"]);
        refused.Changes.ShouldAllBe(c => c.IsRefused);
        forced.Changes.ShouldAllBe(c => !c.IsRefused);
    }

    [Fact]
    public void Plan_MemberNotInConfig_WarnsForUnmanagedAndRemovesManagedConfigUser()
    {
        var config = Example("001-role-based-access");
        var applied = Applied(config);
        config = config with { Iam = config.Iam with { Groups = [config.Iam.Groups[0] with { Members = ["dev-alice"] }] } };
        var groups = applied.Groups.Select(g => g with { Members = g.Members.Add("outsider") });

        var plan = AwsPlanner.Plan(config, applied with { Groups = [.. groups] });

        plan.Changes.Select(c => $"{c.ApiCall} {c.Id}").ShouldBe(["iam:RemoveUserFromGroup k8s-devs/dev-bob"]);
        plan.Warnings.ShouldHaveSingleItem().ShouldContain("member outsider");
    }

    [Fact]
    public void Plan_AccessKeyWanted_CreatedOnlyWhenTheUserHasNone()
    {
        var config = Example("000-developer-access");
        config = config with { Iam = config.Iam with { Users = [config.Iam.Users[0] with { CreateAccessKey = true }] } };

        var fromNothing = AwsPlanner.Plan(config, ClusterOnly(config, AuthenticationMode.ApiAndConfigMap));
        var applied = Applied(config);
        var withKey = AwsPlanner.Plan(config, applied);
        var keyDeletedByHand = AwsPlanner.Plan(config, applied with { Users = [.. applied.Users.Select(u => u with { AccessKeyIds = [] })] });

        fromNothing.Changes.Where(c => c.ApiCall == "iam:CreateAccessKey").ShouldHaveSingleItem().Order.ShouldBeGreaterThan(fromNothing.Changes.Single(c => c.ApiCall == "iam:CreateUser").Order);
        withKey.Changes.ShouldBeEmpty();
        keyDeletedByHand.Changes.ShouldHaveSingleItem().ApiCall.ShouldBe("iam:CreateAccessKey");
    }

    [Fact]
    public void Plan_UserPathDiffers_WarnsAndChangesNothing()
    {
        var config = Example("000-developer-access");
        var applied = Applied(config);

        var plan = AwsPlanner.Plan(config, applied with { Users = [.. applied.Users.Select(u => u with { Path = "/people/" })] });

        plan.Changes.ShouldBeEmpty();
        plan.Warnings.ShouldHaveSingleItem().ShouldContain("IAM cannot move it");
    }

    [Fact]
    public void Plan_ClusterNotFound_PlansIamOnlyAndWarns()
    {
        var config = Example("000-developer-access");

        var plan = AwsPlanner.Plan(config, AwsObservedState.Empty);

        plan.Changes.ShouldAllBe(c => c.ApiCall.StartsWith("iam:", StringComparison.Ordinal));
        plan.Warnings.ShouldHaveSingleItem().ShouldContain("was not found");
    }

    [Fact]
    public void Plan_AnyPrefixAppliedThenReplanned_ConvergesToNoChanges()
    {
        // A failure part-way through apply leaves any prefix of the actions done: planning again from there converges.
        var config = Example("000-developer-access");
        config = config with { Iam = config.Iam with { Users = [config.Iam.Users[0] with { CreateAccessKey = true }] } };
        var start = ClusterOnly(config, AuthenticationMode.ConfigMap);
        var actions = AwsPlanner.PlanActions(config, start, force: false).Actions;

        Prop.ForAll(Gen.Choose(0, actions.Length).ToArbitrary(), done =>
        {
            var partial = AwsEcho.Apply(start, actions.Take(done), Account);
            var rest = AwsPlanner.PlanActions(config, partial, force: false);
            var final = AwsEcho.Apply(partial, rest.Actions, Account);
            return rest.Actions.Length == actions.Length - done && AwsPlanner.Plan(config, final).Changes.IsEmpty;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Render_RefusedChange_ShowsReasonAndCountsIt()
    {
        var plan = new Plan([new PlannedChange("aws", ChangeKind.Delete, "access-entry", "arn", "eks:DeleteAccessEntry", []) { Refusal = "why" }], []);

        var text = PlanRenderer.Render(plan);

        text.ShouldContain("    REFUSED: why\n");
        text.ShouldEndWith("Plan: 0 to create, 0 to update, 1 to delete; 1 refused.\n");
    }

    internal static AccessConfig Example(string name)
    {
        var path = Path.Combine(TestFiles.RepositoryRoot, "examples", name, "access.yaml");
        var result = AccessConfigParser.ParseAndValidate(File.ReadAllText(path), path);
        result.IsValid.ShouldBeTrue(string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    /// <summary>A config like bench/: teams of developers, each team a group and a role its members may assume.</summary>
    internal static AccessConfig Developers(int teams, int perTeam)
    {
        var users = new List<IamUserConfig>();
        var roles = new List<IamRoleConfig>();
        var groups = new List<IamGroupConfig>();
        var teamConfigs = new List<TeamConfig>();
        for (var t = 0; t < teams; t++)
        {
            var members = Enumerable.Range(0, perTeam).Select(i => $"dev-{t:D2}-{i:D3}").ToList();
            users.AddRange(members.Select(m => new IamUserConfig { Name = m }));
            roles.Add(new IamRoleConfig { Name = $"team-{t:D2}-role", Trust = new RoleTrustConfig { Accounts = [Account] } });
            groups.Add(new IamGroupConfig { Name = $"team-{t:D2}", Members = [.. members], AssumeRoles = [$"team-{t:D2}-role"] });
            teamConfigs.Add(new TeamConfig { Name = $"team-{t:D2}", KubernetesGroup = $"team-{t:D2}", Members = [$"team-{t:D2}-role"], AccessPolicies = [TestConfigs.NamespacePolicy("AmazonEKSEditPolicy", $"team-{t:D2}")] });
        }

        return new AccessConfig
        {
            SourceFile = "access.yaml",
            Cluster = new ClusterConfig { Name = "bench", Region = "us-east-1", AccountId = Account, AccessMethod = AccessMethod.AccessEntries },
            Iam = new IamConfig { Users = [.. users], Roles = [.. roles], Groups = [.. groups] },
            Teams = [.. teamConfigs],
            Admins = [new AdminConfig(PlatformAdmin)],
        };
    }

    private static string AccountOf(AccessConfig config) => config.Cluster.AccountId;

    [Fact]
    public void Plan_LoggingWanted_EnablesWhatIsMissingAndDisablesTheRest()
    {
        var config = Example("003-cluster-admin-access-entry");
        config = config with { Cluster = config.Cluster with { ControlPlaneLogging = ["api", "audit", "authenticator"] } };
        var applied = Applied(config);
        var observed = applied with { Cluster = applied.Cluster! with { EnabledLogTypes = ["api", "scheduler"] } };

        var plan = AwsPlanner.PlanActions(config, observed, force: false);

        var change = plan.Plan.Changes.ShouldHaveSingleItem();
        change.ApiCall.ShouldBe("eks:UpdateClusterConfig");
        change.ResourceType.ShouldBe("control-plane-logging");
        change.Details[0].ShouldBe("logging: [api, scheduler] → [api, audit, authenticator]");
        var action = plan.Actions.ShouldHaveSingleItem().ShouldBeOfType<UpdateClusterLoggingAction>();
        action.Enable.ShouldBe(["audit", "authenticator"]);
        action.Disable.ShouldBe(["scheduler"]);
    }

    [Fact]
    public void Plan_LoggingAsWantedAfterApply_NoChanges()
    {
        var config = Example("003-cluster-admin-access-entry");
        config = config with { Cluster = config.Cluster with { ControlPlaneLogging = ["audit"] } };

        AwsPlanner.Plan(config, Applied(config)).HasChanges.ShouldBeFalse();
    }

    [Fact]
    public void Plan_LoggingNotInConfig_LeavesTheClusterLoggingAlone()
    {
        var config = Example("003-cluster-admin-access-entry");
        var applied = Applied(config);
        var observed = applied with { Cluster = applied.Cluster! with { EnabledLogTypes = ["scheduler"] } };

        AwsPlanner.Plan(config, observed).HasChanges.ShouldBeFalse();
    }

    private static AwsObservedState ClusterOnly(AccessConfig config, AuthenticationMode mode) => new()
    {
        Cluster = new ObservedCluster(config.Cluster.Name) { AuthenticationMode = mode, Status = "ACTIVE" },
    };

    /// <summary>The state a full apply of the config leaves, from an empty account and a cluster in its mode.</summary>
    private static AwsObservedState Applied(AccessConfig config)
    {
        var start = ClusterOnly(config, config.Cluster.AuthenticationMode);
        return AwsEcho.Apply(start, AwsPlanner.PlanActions(config, start, force: false).Actions, AccountOf(config));
    }
}
