using EksAccess.Core.Identity;
using EksAccess.Core.Planning;
using EksAccess.Core.Verification;

namespace EksAccess.Core.Tests.Verification;

public sealed class ClusterHealthChecksTests
{
    private const string Caller = "arn:aws:sts::111122223333:assumed-role/Admin/alice";
    private const string AdminRole = "arn:aws:iam::111122223333:role/Admin";
    private const string AdminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

    private static ObservedCluster Healthy(AuthenticationMode? mode = AuthenticationMode.ApiAndConfigMap) => new("c1")
    {
        Arn = "arn:aws:eks:us-east-1:111122223333:cluster/c1",
        Status = "ACTIVE",
        Version = "1.31",
        PlatformVersion = "eks.5",
        Endpoint = "https://ABC.gr7.us-east-1.eks.amazonaws.com",
        AuthenticationMode = mode,
        ReportedAuthenticationMode = mode?.ToWire(),
        EnabledLogTypes = ["api", "audit", "authenticator"],
    };

    private static ObservedAccessEntry AdminEntry() => new(AdminRole)
    {
        AssociatedAccessPolicies = [new AssociatedAccessPolicy(AdminPolicy, new AccessScope(AccessScope.ClusterType, []))],
    };

    private static string Row(DoctorCheck check) => $"{check.Name}|{check.StatusText}|{check.Detail}";

    [Fact]
    public void Check_HealthyClusterCallerIsAdmin_EveryCheckOkOrInfo()
    {
        var checks = ClusterHealthChecks.Check("c1", Caller, Healthy(), [AdminEntry()]);

        checks.Select(Row).ShouldBe([
            $"caller|ok|{Caller}",
            "cluster exists|ok|arn:aws:eks:us-east-1:111122223333:cluster/c1",
            "cluster active|ok|ACTIVE",
            "version|info|1.31 (platform eks.5)",
            "endpoint|info|https://ABC.gr7.us-east-1.eks.amazonaws.com",
            "authentication mode|info|API_AND_CONFIG_MAP",
            "access entries usable|ok|yes (API_AND_CONFIG_MAP)",
            "api logging|ok|enabled",
            "audit logging|ok|enabled",
            "authenticator logging|ok|enabled",
            $"caller cluster-admin|ok|yes: access entry {AdminRole} with AmazonEKSClusterAdminPolicy (cluster scope)",
        ]);
    }

    [Fact]
    public void Check_ConfigMapModeNoLogging_FailsAccessEntriesAndLogsAdminUnknown()
    {
        var cluster = Healthy(AuthenticationMode.ConfigMap) with { EnabledLogTypes = ["audit"] };

        var checks = ClusterHealthChecks.Check("c1", Caller, cluster, []);

        ClusterHealthChecks.NeedsAccessEntries(cluster).ShouldBeFalse();
        checks.Where(c => c.Status == DoctorCheckStatus.Fail).Select(c => c.Name).ShouldBe(["access entries usable", "api logging", "authenticator logging"]);
        checks.Single(c => c.Name == "api logging").Detail.ShouldContain("aws eks update-cluster-config --name c1");
        checks[^1].Status.ShouldBe(DoctorCheckStatus.Unknown);
    }

    [Fact]
    public void Check_ApiModeCallerWithoutAdminPolicy_FailsTheAdminPath()
    {
        var entry = new ObservedAccessEntry(AdminRole);

        var check = ClusterHealthChecks.Check("c1", Caller, Healthy(AuthenticationMode.Api), [entry])[^1];

        check.Status.ShouldBe(DoctorCheckStatus.Fail);
        check.Detail.ShouldStartWith($"no: access entry {AdminRole} without AmazonEKSClusterAdminPolicy at cluster scope, and API mode ignores aws-auth");
    }

    [Fact]
    public void Check_UnknownModeNotActive_ReportsTheRawModeAndFailsActive()
    {
        var cluster = Healthy(mode: null) with { Status = "CREATING", ReportedAuthenticationMode = "SOMETHING_NEW" };

        var checks = ClusterHealthChecks.Check("c1", Caller, cluster, []);

        Row(checks.Single(c => c.Name == "authentication mode")).ShouldBe("authentication mode|unknown|SOMETHING_NEW");
        Row(checks.Single(c => c.Name == "cluster active")).ShouldBe("cluster active|fail|CREATING — wait until the cluster is ACTIVE");
        ClusterHealthChecks.NeedsAccessEntries(cluster).ShouldBeFalse();
    }

    [Fact]
    public void Unreadable_DescribeFailed_CallerThenAFailedClusterCheck()
    {
        var checks = ClusterHealthChecks.Unreadable(Caller, "ResourceNotFoundException: No cluster found — check the cluster name");

        checks.Select(Row).ShouldBe([$"caller|ok|{Caller}", "cluster exists|fail|ResourceNotFoundException: No cluster found — check the cluster name"]);
    }
}
