using EksAccess.Core.Audit;

namespace EksAccess.Core.Tests.Audit;

public sealed class AuditSummaryBuilderTests
{
    [Fact]
    public void Build_Example000_MappedRowsWithUsedAndUnusedGrants()
    {
        var (events, logins, _) = AuditFixture.Read("eks-audit.log");
        var builder = new AuditSummaryBuilder(AuditFixture.Example000());
        var dedup = new AuditDeduplicator();
        foreach (var e in events.Where(e => e.Time.Year == 2026 && dedup.Accept(e)))
        {
            builder.Add(e);
        }

        logins.ForEach(builder.Add);

        var rows = builder.Build(new Dictionary<string, string>(StringComparer.Ordinal) { ["ASIAEXAMPLETOKEN0001"] = "bob@example.com" });

        var admin = rows.Single(r => r.PrincipalArn == "arn:aws:iam::111122223333:role/PlatformAdmin");
        admin.Requests.ShouldBe(3);
        admin.People.ShouldBe(["jane@example.com"]);
        admin.GrantsUsed.Select(g => g.Description).ShouldBe(["access policy AmazonEKSClusterAdminPolicy (cluster)"]);
        admin.GrantsUnused.ShouldBeEmpty();

        var john = rows.Single(r => r.PrincipalArn == "arn:aws:iam::111122223333:user/dev-john");
        john.Requests.ShouldBe(3);
        john.Denied.ShouldBe(1);
        john.Logins.ShouldBe(1);
        john.FirstSeen.ShouldBe(new DateTimeOffset(2026, 11, 20, 14, 29, 59, TimeSpan.Zero));
        john.GrantsUsed.Select(g => g.Description).ShouldBe(["RoleBinding \"developer-rolebinding/dev-apps\" of Role \"developer-role\""]);
        john.GrantsUnused.Select(g => g.Description).ShouldBe(
        [
            "ClusterRoleBinding \"developer-cluster-readonly-binding\" of ClusterRole \"developer-cluster-readonly\"",
            "access policy AmazonEKSEditPolicy (namespaces: dev-apps)",
        ]);

        var developer = rows.Single(r => r.PrincipalArn == "arn:aws:iam::111122223333:role/EKSDeveloperRole");
        developer.People.ShouldBe(["bob@example.com"]);
        developer.GrantsUsed.Single().Key.ShouldBe("crb:developer-cluster-readonly-binding");

        var node = rows.Single(r => r.PrincipalArn == "arn:aws:iam::111122223333:role/EKSNodeRole");
        node.Requests.ShouldBe(0);
        node.IsMapped.ShouldBeTrue();

        var serviceAccount = rows.Single(r => r.PrincipalArn is null);
        serviceAccount.Username.ShouldBe("system:serviceaccount:kube-system:metrics");
        serviceAccount.IsMapped.ShouldBeFalse();
    }

    [Fact]
    public void Build_WithoutResolution_TokenSessionsStayAnonymous()
    {
        var builder = new AuditSummaryBuilder(model: null);
        foreach (var e in AuditFixture.Read("eks-audit.log").Events.Where(e => e.Username == "developer"))
        {
            builder.Add(e);
        }

        builder.TokenSessionAccessKeys.ShouldBe(["ASIAEXAMPLETOKEN0001"]);
        builder.Build().Single().People.ShouldBe(["EKSGetTokenAuth"]);
    }

    [Theory]
    [InlineData("RBAC: allowed by RoleBinding \"rb/ns-1\" of ClusterRole \"edit\" to User \"u\"", "rb:ns-1/rb")]
    [InlineData("RBAC: allowed by ClusterRoleBinding \"x\" of ClusterRole \"y\" to Group \"z\"", "crb:x")]
    [InlineData("EKS Access Policy: allowed by ClusterRoleBinding \"arn:aws:iam::1:role/a+arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy\" of ClusterRole \"arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy\" to User \"AROA\"", "policy:AmazonEKSViewPolicy")]
    [InlineData("", "group:system:masters")]
    [InlineData("some webhook said yes", null)]
    public void GrantOf_Reasons(string reason, string? key)
    {
        AuditReason.GrantOf(reason)?.Key.ShouldBe(key);
    }
}
