using EksAccess.Core.Identity;
using EksAccess.Core.Authentication;
using static EksAccess.Core.Tests.Identity.IdentitySnapshots;

namespace EksAccess.Core.Tests.Identity;

public sealed class IdentityResolverTests
{
    private const string DevJohn = "arn:aws:iam::111122223333:user/dev-john";
    private const string DeveloperRole = "arn:aws:iam::111122223333:role/EKSDeveloperRole";
    private const string NodeRole = "arn:aws:iam::111122223333:role/EKSNodeRole";

    [Fact]
    public void Resolve_ApiAndConfigMap_AccessEntryWinsEvenWhenItGrantsNothing()
    {
        var resolver = Resolver(AuthenticationMode.ApiAndConfigMap, "aws-auth.walkthrough.yaml", Entry(DeveloperRole));

        var mapped = resolver.Resolve(DeveloperRole).ShouldBeMapped();

        mapped.Username.ShouldBe("arn:aws:sts::111122223333:assumed-role/EKSDeveloperRole/EKSGetTokenAuth");
        mapped.Groups.ShouldBe(["system:authenticated"]);
        mapped.Source.ShouldBe("accessEntry");
        mapped.MatchedBy.ShouldBe("access entry arn:aws:iam::111122223333:role/EKSDeveloperRole (type STANDARD)");
        mapped.Notes.ShouldBe([
            "aws-auth mapRoles[0] rolearn arn:aws:iam::111122223333:role/EKSDeveloperRole (snap/aws-auth.walkthrough.yaml:9) also maps this principal, but the access entry overrides it",
            "resolved as role session 'EKSGetTokenAuth', the session name of `aws eks get-token --role-arn` tokens; other sessions get other usernames",
        ]);
    }

    [Fact]
    public void Resolve_ApiAndConfigMap_WithoutEntryFallsBackToAwsAuth()
    {
        var resolver = Resolver(AuthenticationMode.ApiAndConfigMap, "aws-auth.walkthrough.yaml", Entry(DevJohn));

        var mapped = resolver.Resolve(DeveloperRole).ShouldBeMapped();

        mapped.Username.ShouldBe("developer");
        mapped.Source.ShouldBe("awsAuth");
        mapped.RoleMapping.ShouldNotBeNull().Index.ShouldBe(0);
        mapped.Entry.ShouldBeNull();
    }

    [Fact]
    public void Resolve_ApiMode_IgnoresAwsAuth()
    {
        var resolver = Resolver(AuthenticationMode.Api, "aws-auth.walkthrough.yaml");

        var rejected = resolver.Resolve(DevJohn).ShouldBeRejected();

        rejected.Reason.ShouldBe("identity is not mapped: arn:aws:iam::111122223333:user/dev-john is in no access entry (authentication mode API; aws-auth is ignored)");
        rejected.Notes.ShouldBe([
            "aws-auth mapUsers[0] userarn arn:aws:iam::111122223333:user/dev-john (snap/aws-auth.walkthrough.yaml:19) is ignored: authentication mode API reads only access entries",
        ]);
    }

    [Fact]
    public void Resolve_ConfigMapMode_IgnoresAccessEntries()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, awsAuthFile: null, Entry(DevJohn, groups: ["dev-team"]));

        var rejected = resolver.Resolve(DevJohn).ShouldBeRejected();

        rejected.Reason.ShouldBe("identity is not mapped: arn:aws:iam::111122223333:user/dev-john is in no aws-auth mapping (authentication mode CONFIG_MAP; access entries are ignored)");
        rejected.Notes.ShouldBe([
            "access entry arn:aws:iam::111122223333:user/dev-john is ignored: authentication mode CONFIG_MAP reads only aws-auth",
            "in CONFIG_MAP mode the cluster creator is mapped to system:masters invisibly; a snapshot cannot show it",
        ]);
    }

    [Fact]
    public void Resolve_ConfigMapMode_UsesAwsAuthEvenWhenAnEntryExists()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.walkthrough.yaml", Entry(DevJohn, username: "john-from-entry"));

        var mapped = resolver.Resolve(DevJohn).ShouldBeMapped();

        mapped.Username.ShouldBe("dev-john");
        mapped.Source.ShouldBe("awsAuth");
    }

    [Fact]
    public void Resolve_NoMappingAnywhere_RejectedNamingTheMode()
    {
        var resolver = Resolver(AuthenticationMode.ApiAndConfigMap, "aws-auth.walkthrough.yaml");

        resolver.Resolve("arn:aws:iam::111122223333:user/mallory").ShouldBeRejected().Reason.ShouldBe(
            "identity is not mapped: arn:aws:iam::111122223333:user/mallory is in no access entry and no aws-auth mapping (authentication mode API_AND_CONFIG_MAP)");
    }

    [Fact]
    public void Resolve_AccessEntryWithRolePath_MatchesSessionsOfTheRole()
    {
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, Entry("arn:aws:iam::111122223333:role/teams/dev/Deployer", groups: ["deployers"]));

        var mapped = resolver.Resolve("arn:aws:sts::111122223333:assumed-role/Deployer/jane").ShouldBeMapped();

        mapped.Username.ShouldBe("arn:aws:sts::111122223333:assumed-role/Deployer/jane");
        mapped.Groups.ShouldBe(["deployers", "system:authenticated"]);
        mapped.CanonicalArn.ShouldBe("arn:aws:iam::111122223333:role/Deployer");
        mapped.SessionName.ShouldBe("jane");
        mapped.MatchedBy.ShouldBe("access entry arn:aws:iam::111122223333:role/teams/dev/Deployer (type STANDARD)");
    }

    [Fact]
    public void Resolve_PathedRoleArnAsInput_IsASessionWithoutThePath()
    {
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, Entry("arn:aws:iam::111122223333:role/teams/dev/Deployer"));

        var mapped = resolver.Resolve("arn:aws:iam::111122223333:role/teams/dev/Deployer").ShouldBeMapped();

        mapped.CallerArn.ShouldBe("arn:aws:sts::111122223333:assumed-role/Deployer/EKSGetTokenAuth");
        mapped.Username.ShouldBe("arn:aws:sts::111122223333:assumed-role/Deployer/EKSGetTokenAuth");
        mapped.Notes[0].ShouldBe(
            "STS reports sessions of arn:aws:iam::111122223333:role/teams/dev/Deployer without the role path, as arn:aws:sts::111122223333:assumed-role/Deployer/EKSGetTokenAuth");
    }

    [Fact]
    public void Resolve_AwsAuthRoleArnWithPath_NeverMatchesAndSaysHowToFix()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.role-path.yaml");

        var rejected = resolver.Resolve("arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Dev_abc/jane@example.com").ShouldBeRejected();

        rejected.Reason.ShouldBe(
            "identity is not mapped: arn:aws:iam::111122223333:role/AWSReservedSSO_Dev_abc is in no aws-auth mapping (authentication mode CONFIG_MAP; access entries are ignored)");
        rejected.Notes[0].ShouldBe(
            "aws-auth mapRoles[0] rolearn arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_abc (snap/aws-auth.role-path.yaml:9) names this role with a path; "
            + "the authenticator compares arn:aws:iam::111122223333:role/AWSReservedSSO_Dev_abc and never matches it — write the rolearn without the path");
    }

    [Fact]
    public void Resolve_SsoRoleWrittenWithoutPath_MatchesItsSessions()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.role-path.yaml");

        var mapped = resolver.Resolve("arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_def/jane@example.com").ShouldBeMapped();

        mapped.Username.ShouldBe("sso-admin:jane-example.com");
        mapped.Groups.ShouldBe(["admins", "system:authenticated"]);
    }

    [Fact]
    public void Resolve_TemplatesInUsernameAndGroups_RenderSessionAndAccount()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.principal-kinds.yaml");

        var mapped = resolver.Resolve("arn:aws:iam::111122223333:role/SsoDevelopers", "jane@example.com").ShouldBeMapped();

        mapped.CallerArn.ShouldBe("arn:aws:sts::111122223333:assumed-role/SsoDevelopers/jane@example.com");
        mapped.Username.ShouldBe("sso:jane-example.com");
        mapped.Groups.ShouldBe(["dev-team", "team:111122223333", "system:authenticated"]);
        mapped.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void Resolve_NodeRoleWithDefaultSession_FailsTemplateAndIsRejected()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.walkthrough.yaml");

        resolver.Resolve(NodeRole).ShouldBeRejected().Reason.ShouldBe(
            "aws-auth mapRoles[1] rolearn arn:aws:iam::111122223333:role/EKSNodeRole (snap/aws-auth.walkthrough.yaml:13): "
            + "error rendering username template \"system:node:{{EC2PrivateDNSName}}\": SessionName did not contain an instance id "
            + "(session 'EKSGetTokenAuth'; {{EC2PrivateDNSName}} needs a session named like i-0123456789abcdef0)");
    }

    [Fact]
    public void Resolve_NodeRoleWithInstanceSession_KeepsDnsNamePlaceholder()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.walkthrough.yaml");

        var mapped = resolver.Resolve(NodeRole, "i-0123456789abcdef0").ShouldBeMapped();

        mapped.Username.ShouldBe("system:node:{{EC2PrivateDNSName}}");
        mapped.Groups.ShouldBe(["system:bootstrappers", "system:nodes", "system:authenticated"]);
        mapped.Notes.ShouldBe([
            "{{EC2PrivateDNSName}} is the private DNS name of instance i-0123456789abcdef0, which a snapshot does not hold; it is left as a placeholder",
        ]);
    }

    [Fact]
    public void Resolve_TemplateFailureInAccessEntry_DoesNotFallThroughToAwsAuth()
    {
        var resolver = Resolver(AuthenticationMode.ApiAndConfigMap, "aws-auth.walkthrough.yaml", Entry(NodeRole, type: "EC2_LINUX"));

        resolver.Resolve("arn:aws:sts::111122223333:assumed-role/EKSNodeRole/ops-debug").ShouldBeRejected().Reason.ShouldBe(
            "access entry arn:aws:iam::111122223333:role/EKSNodeRole (type EC2_LINUX): error rendering username template \"system:node:{{EC2PrivateDNSName}}\": "
            + "SessionName did not contain an instance id (session 'ops-debug'; {{EC2PrivateDNSName}} needs a session named like i-0123456789abcdef0)");
    }

    [Fact]
    public void Resolve_TemplateFailureInAwsAuth_DoesNotFallThroughToMapAccounts()
    {
        var snapshot = Create(AuthenticationMode.ConfigMap) with
        {
            AwsAuth = AwsAuthInput.Data(
                ("mapRoles", "- rolearn: arn:aws:iam::111122223333:role/EKSNodeRole\n  username: system:node:{{EC2PrivateDNSName}}\n"),
                ("mapAccounts", "- \"111122223333\"\n")),
        };

        var resolution = new IdentityResolver(snapshot).Resolve(NodeRole);

        resolution.ShouldBeRejected().Reason.ShouldStartWith("aws-auth mapRoles[0] rolearn arn:aws:iam::111122223333:role/EKSNodeRole (kube-system/aws-auth#data.mapRoles:1): error rendering username template");
    }

    [Fact]
    public void Resolve_MapAccounts_UsernameIsCanonicalArnWithNoGroups()
    {
        var resolver = Resolver(AuthenticationMode.ApiAndConfigMap, "aws-auth.map-accounts.yaml");

        var mapped = resolver.Resolve("arn:aws:sts::111122223333:assumed-role/Anything/s1").ShouldBeMapped();

        mapped.Username.ShouldBe("arn:aws:iam::111122223333:role/Anything");
        mapped.Groups.ShouldBe(["system:authenticated"]);
        mapped.MatchedBy.ShouldBe("aws-auth mapAccounts[0] 111122223333 (snap/aws-auth.map-accounts.yaml:9)");
        mapped.AccountMapping.ShouldNotBeNull().AccountId.ShouldBe("111122223333");
    }

    [Fact]
    public void Resolve_MapAccountsInApiMode_IsIgnored()
    {
        var resolver = Resolver(AuthenticationMode.Api, "aws-auth.map-accounts.yaml");

        resolver.Resolve("arn:aws:iam::111122223333:user/anyone").IsMapped.ShouldBeFalse();
    }

    [Fact]
    public void Resolve_DuplicateRolesAndUsers_LastOneWins()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.duplicates.yaml");

        var role = resolver.Resolve("arn:aws:iam::111122223333:role/Deployer").ShouldBeMapped();
        var user = resolver.Resolve("arn:aws:iam::111122223333:user/alice").ShouldBeMapped();

        role.Username.ShouldBe("second");
        role.Groups.ShouldBe(["second-group", "system:authenticated"]);
        user.Username.ShouldBe("alice-second");
    }

    [Fact]
    public void Resolve_UsersDifferingInCase_ShowsTheLastAndWarnsOfRandomChoice()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.principal-kinds.yaml");

        var mapped = resolver.Resolve("arn:aws:iam::111122223333:user/CAROL").ShouldBeMapped();

        mapped.Username.ShouldBe("carol-lower");
        mapped.Notes.ShouldBe([
            "aws-auth mapUsers[2], mapUsers[3] name this user in different letter case; EKS picks one of them at random for each request (shown: mapUsers[3])",
        ]);
    }

    [Fact]
    public void Resolve_ArnInMapRolesAndMapUsers_MapRolesIsCheckedFirst()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.principal-kinds.yaml");

        resolver.Resolve("arn:aws:iam::111122223333:user/both").ShouldBeMapped().Username.ShouldBe("from-map-roles");
    }

    [Fact]
    public void Resolve_ArnInOtherLetterCase_MatchesEntriesAndAwsAuth()
    {
        var entries = Resolver(AuthenticationMode.Api, awsAuthFile: null, Entry(DevJohn, groups: ["dev-team"]));
        var awsAuth = Resolver(AuthenticationMode.ConfigMap, "aws-auth.walkthrough.yaml");

        entries.Resolve("arn:aws:iam::111122223333:user/DEV-JOHN").ShouldBeMapped().Username.ShouldBe(DevJohn);
        awsAuth.Resolve("arn:aws:iam::111122223333:user/Dev-John").ShouldBeMapped().Username.ShouldBe("dev-john");
    }

    [Fact]
    public void Resolve_FederatedUser_MatchesAwsAuthByItsExactArn()
    {
        var resolver = Resolver(AuthenticationMode.ApiAndConfigMap, "aws-auth.principal-kinds.yaml");

        var mapped = resolver.Resolve("arn:aws:sts::111122223333:federated-user/bob").ShouldBeMapped();

        mapped.Username.ShouldBe("federated-bob");
        mapped.SessionName.ShouldBe("bob");
        mapped.Notes.ShouldBe(["an STS federated user cannot have an access entry; only aws-auth (an entry with this exact ARN, or mapAccounts) maps it"]);
    }

    [Fact]
    public void Resolve_RootUser_MapsOnlyThroughAwsAuth()
    {
        var mapped = Resolver(AuthenticationMode.ConfigMap, "aws-auth.principal-kinds.yaml").Resolve("arn:aws:iam::111122223333:root").ShouldBeMapped();
        var viaAccounts = Resolver(AuthenticationMode.ConfigMap, "aws-auth.map-accounts.yaml").Resolve("arn:aws:iam::444455556666:root").ShouldBeMapped();
        var rejected = Resolver(AuthenticationMode.Api, awsAuthFile: null).Resolve("arn:aws:iam::111122223333:root").ShouldBeRejected();

        mapped.Username.ShouldBe("account-root");
        mapped.Groups.ShouldBe(["system:masters", "system:authenticated"]);
        viaAccounts.Username.ShouldBe("arn:aws:iam::444455556666:root");
        rejected.Reason.ShouldBe("identity is not mapped: arn:aws:iam::111122223333:root is in no access entry (authentication mode API; aws-auth is ignored)");
    }

    [Fact]
    public void Resolve_Ec2LinuxEntry_IsANodeWithSystemNodes()
    {
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, Entry(NodeRole, type: "EC2_LINUX"));

        var mapped = resolver.Resolve("arn:aws:sts::111122223333:assumed-role/EKSNodeRole/i-0123456789abcdef0").ShouldBeMapped();

        mapped.Username.ShouldBe("system:node:{{EC2PrivateDNSName}}");
        mapped.Groups.ShouldBe(["system:nodes", "system:authenticated"]);
        mapped.MatchedBy.ShouldBe("access entry arn:aws:iam::111122223333:role/EKSNodeRole (type EC2_LINUX)");
    }

    [Fact]
    public void Resolve_FargateEntry_UsesSessionNameAndNoDocumentedGroups()
    {
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, Entry("arn:aws:iam::111122223333:role/PodExecution", type: "FARGATE_LINUX"));

        var mapped = resolver.Resolve("arn:aws:iam::111122223333:role/PodExecution", "fargate-ip-10-0-1-2").ShouldBeMapped();

        mapped.Username.ShouldBe("system:node:fargate-ip-10-0-1-2");
        mapped.Groups.ShouldBe(["system:authenticated"]);
        mapped.Notes.ShouldBe(["EKS does not document the groups of FARGATE_LINUX entries; eksaccess assumes none"]);
    }

    [Fact]
    public void Resolve_AutoModeEntryWithoutUsername_IsRejectedRatherThanGuessed()
    {
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, Entry("arn:aws:iam::111122223333:role/AutoNode", type: "EC2", policies: Policy("arn:aws:eks::aws:cluster-access-policy/AmazonEKSAutoNodePolicy")));

        resolver.Resolve("arn:aws:iam::111122223333:role/AutoNode", "i-0123456789abcdef0").ShouldBeRejected().Reason.ShouldBe(
            "access entry arn:aws:iam::111122223333:role/AutoNode (type EC2) cannot authenticate: the username EKS gives EC2 entries is not documented and the snapshot names none (eksaccess does not guess a username)");
    }

    [Fact]
    public void Resolve_StandardEntryWithReservedUsername_IsRejected()
    {
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, Entry(DevJohn, username: "system:admin"));

        resolver.Resolve(DevJohn).ShouldBeRejected().Reason.ShouldBe(
            "access entry arn:aws:iam::111122223333:user/dev-john (type STANDARD) cannot authenticate: its username 'system:admin' is one EKS refuses (a custom username may not start with 'system:')");
    }

    [Fact]
    public void Resolve_StandardEntryWithSystemGroup_LeavesTheGroupOut()
    {
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, Entry(DevJohn, groups: ["system:masters", "dev-team"]));

        var mapped = resolver.Resolve(DevJohn).ShouldBeMapped();

        mapped.Groups.ShouldBe(["dev-team", "system:authenticated"]);
        mapped.Notes.ShouldBe(["kubernetesGroups 'system:masters' is left out: EKS refuses groups starting with 'system:' on access entries"]);
    }

    [Fact]
    public void Resolve_EntryWithCustomSessionUsername_RendersIt()
    {
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, Entry(DeveloperRole, username: "dev:{{SessionName}}", groups: ["dev-team"]));

        resolver.Resolve(DeveloperRole, "jane@example.com").ShouldBeMapped().Username.ShouldBe("dev:jane-example.com");
    }

    [Fact]
    public void Resolve_AwsAuthWithoutUsername_IsMappedWithEmptyUsernameAndANote()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.empty-username.yaml");

        var mapped = resolver.Resolve(DeveloperRole).ShouldBeMapped();

        mapped.Username.ShouldBe("");
        mapped.Groups.ShouldBe(["dev-team", "system:authenticated"]);
        mapped.Notes.ShouldBe([
            "the mapping sets no username: EKS authenticates it with an empty username (reported to work except for aggregated APIs such as kubectl top; UNSURE today) — set one",
        ]);
    }

    [Fact]
    public void Resolve_ServiceLinkedRoleEntry_KeepsItsEksManagedUsername()
    {
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, Entry("arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS", username: "eks:managed"));

        var mapped = resolver.Resolve("arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForAmazonEKS/eks").ShouldBeMapped();

        mapped.Username.ShouldBe("eks:managed");
        mapped.Notes.ShouldBe(["this looks like a service-linked role: only its AWS service can assume it"]);
    }

    [Fact]
    public void Resolve_SessionNameForAUser_IsIgnoredWithANote()
    {
        var resolver = Resolver(AuthenticationMode.ConfigMap, "aws-auth.walkthrough.yaml");

        resolver.Resolve(DevJohn, "my-session").Notes.ShouldBe(["the session name 'my-session' is ignored: an IAM user has no role session"]);
    }

    [Theory]
    [InlineData("dev-john", null, "'dev-john' is not an ARN: it must start with 'arn:'")]
    [InlineData("arn:aws:iam::111122223333:group/devs", null, "'arn:aws:iam::111122223333:group/devs' is an IAM 'group', not a principal that can authenticate (only user, role, root and STS sessions can)")]
    [InlineData(DeveloperRole, "x", "'x' is not a role session name: 2-64 characters of letters, digits and +=,.@_- (STS AssumeRole RoleSessionName)")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/Dev/jane", "john", "session name 'john' contradicts the session 'jane' in arn:aws:sts::111122223333:assumed-role/Dev/jane: drop --session-name or use the role ARN")]
    public void Resolve_MalformedInput_ThrowsInvalidPrincipalException(string arn, string? session, string expected)
    {
        var resolver = Resolver(AuthenticationMode.ApiAndConfigMap);

        Should.Throw<InvalidPrincipalException>(() => resolver.Resolve(arn, session)).Message.ShouldBe(expected);
    }

    [Fact]
    public void Diagnostics_EntriesEksWouldRefuse_AreReported()
    {
        var resolver = Resolver(
            AuthenticationMode.Api,
            awsAuthFile: null,
            Entry("arn:aws:sts::111122223333:assumed-role/Dev/jane"),
            Entry(DevJohn) with { Source = "snap/access-entries.json:4" },
            Entry("arn:aws:iam::111122223333:user/DEV-JOHN") with { Source = "snap/access-entries.json:9" });

        resolver.Diagnostics.Select(diagnostic => diagnostic.ToString()).ShouldBe([
            "access-entries:0:0: access entry arn:aws:sts::111122223333:assumed-role/Dev/jane is an STS session ARN (a session is temporary, not a principal); "
            + "EKS accepts only IAM role and user ARNs as access entry principals — create the entry for the IAM role or user",
            "snap/access-entries.json:4:1: access entry arn:aws:iam::111122223333:user/dev-john is overridden by access entry arn:aws:iam::111122223333:user/DEV-JOHN for the same principal; "
            + "EKS holds one entry per principal — remove the duplicate",
        ]);
    }

    [Fact]
    public void Resolve_ManyEntries_IsAnIndexedLookup()
    {
        var entries = Enumerable.Range(0, 3000).Select(i => Entry($"arn:aws:iam::111122223333:role/team-{i}", groups: [$"group-{i}"])).ToArray();
        var resolver = Resolver(AuthenticationMode.Api, awsAuthFile: null, entries);

        var mapped = resolver.Resolve("arn:aws:iam::111122223333:role/team-2999").ShouldBeMapped();

        mapped.Groups.ShouldBe(["group-2999", "system:authenticated"]);
    }
}
