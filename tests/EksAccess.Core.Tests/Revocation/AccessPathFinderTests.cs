using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Revocation;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Authentication;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Revocation;

public sealed class AccessPathFinderTests
{
    private const string John = "arn:aws:iam::111122223333:user/dev-john";

    private static ClusterSnapshot Applied()
    {
        var desired = DesiredState.Build(TestConfigs.Seed000());
        return desired with { AwsAuth = AwsAuthMerge.Merge(null, desired.AwsAuth, new ClusterSnapshot()).After };
    }

    [Fact]
    public void Find_UserWithEntryMappingGroupAndKeys_EveryPathAndWhatMayGo()
    {
        var iam = new IamPrincipalFacts
        {
            Groups =
            [
                new IamGroupFacts("devs", [new IamPolicyFacts("assume", """{"Statement":[{"Effect":"Allow","Action":["sts:AssumeRole"],"Resource":"arn:aws:iam::111122223333:role/EKS*"}]}""")]),
                new IamGroupFacts("readers", [new IamPolicyFacts("s3", """{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""")]),
            ],
            InlinePolicies = [new IamPolicyFacts("own", """{"Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"arn:aws:iam::111122223333:role/PlatformAdmin"}]}""")],
            AccessKeys = [new AccessKeyFacts("AKIA1", "Active"), new AccessKeyFacts("AKIA2", "Inactive")],
        };

        var paths = AccessPathFinder.Find(John, Applied(), iam, force: false);

        paths.Select(p => (p.Kind, p.Removable)).ShouldBe([
            (AccessPathKind.AccessEntry, true),
            (AccessPathKind.AwsAuthMapping, true),
            (AccessPathKind.GroupAssumeRole, true),
            (AccessPathKind.GroupAssumeRole, true),
            (AccessPathKind.InlinePolicyAssumeRole, false),
            (AccessPathKind.AccessKey, true),
        ]);
        paths.Where(p => p.Kind == AccessPathKind.GroupAssumeRole).Select(p => p.Description).ShouldBe([
            "member of IAM group devs, whose policy allows sts:AssumeRole on arn:aws:iam::111122223333:role/EKSDeveloperRole, which the cluster maps",
            "member of IAM group devs, whose policy allows sts:AssumeRole on arn:aws:iam::111122223333:role/EKSNodeRole, which the cluster maps",
        ]);
        paths.Single(p => p.Kind == AccessPathKind.AccessKey).Target.ShouldBe("AKIA1");
    }

    [Fact]
    public void Find_MappingSomeoneElseMade_RemovableOnlyWithForce()
    {
        var cluster = new ClusterSnapshot
        {
            AwsAuth = new ConfigMapObject("kube-system", "aws-auth", KubernetesMetadata.Empty.Add("mapUsers", "- userarn: arn:aws:iam::111122223333:user/Dev-John\n  username: john\n  groups: [x]\n")),
        };

        var kept = AccessPathFinder.Find(John, cluster, IamPrincipalFacts.None, force: false).ShouldHaveSingleItem();
        var forced = AccessPathFinder.Find(John, cluster, IamPrincipalFacts.None, force: true).ShouldHaveSingleItem();

        kept.Removable.ShouldBeFalse();
        kept.Reason.ShouldNotBeNull().ShouldContain("--force");
        forced.Removable.ShouldBeTrue();
    }

    [Fact]
    public void Find_AccountInMapAccounts_ReportedNeverRemoved()
    {
        var cluster = new ClusterSnapshot
        {
            AwsAuth = new ConfigMapObject("kube-system", "aws-auth", KubernetesMetadata.Empty.Add("mapAccounts", "- \"111122223333\"\n")),
        };

        var path = AccessPathFinder.Find(John, cluster, IamPrincipalFacts.None, force: true).ShouldHaveSingleItem();

        (path.Kind, path.Removable, path.GrantsAccess).ShouldBe((AccessPathKind.AwsAuthAccount, false, true));
    }

    [Fact]
    public void Find_RoleWithPath_MatchesEntryAndPathlessMapping()
    {
        var role = "arn:aws:iam::111122223333:role/teams/EKSDeveloperRole";
        var cluster = Applied() with
        {
            AccessEntries = [new AccessEntry(role, AccessEntry.StandardType, null, [], [])],
        };

        var kinds = AccessPathFinder.Find(role, cluster, IamPrincipalFacts.None, force: false).Select(p => p.Kind);

        kinds.ShouldBe([AccessPathKind.AccessEntry, AccessPathKind.AwsAuthMapping]);
    }

    [Fact]
    public void Find_NothingLeft_NoPaths()
    {
        var cluster = Applied() with
        {
            AccessEntries = [],
            AwsAuth = AwsAuthMerge.Remove(Applied().AwsAuth, John, force: false, new ClusterSnapshot()).After,
        };

        AccessPathFinder.Find(John, cluster, new IamPrincipalFacts { AccessKeys = [new AccessKeyFacts("AKIA2", "Inactive")] }, force: false).ShouldBeEmpty();
        new IdentityResolver(cluster).Resolve(John).IsMapped.ShouldBeFalse();
    }
}
