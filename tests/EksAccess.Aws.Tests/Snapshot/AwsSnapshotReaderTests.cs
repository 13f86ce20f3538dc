using System.Text.Json;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Snapshot;
using EksAccess.Core.Snapshots;
using CoreMode = EksAccess.Core.Identity.AuthenticationMode;

namespace EksAccess.Aws.Tests.Snapshot;

[Collection(AwsSequential.Name)]
public sealed class AwsSnapshotReaderTests(AwsTestServers servers)
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/teams/Dev";
    private const string AdminArn = "arn:aws:iam::123456789012:user/admin";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_ApiCluster_FilesLoadBackThroughSnapshotLoader()
    {
        await servers.ResetForClassAsync(GetType());
        var eks = servers.Clients().Eks;
        await new RawAws(servers.Settings()).CreateClusterAsync("snap", AuthenticationMode.ApiAndConfigMap, Token);
        await eks.CreateAccessEntryAsync(new CreateAccessEntryRequest { ClusterName = "snap", PrincipalArn = RoleArn, KubernetesGroups = ["dev-team"] }, Token);
        await eks.CreateAccessEntryAsync(new CreateAccessEntryRequest { ClusterName = "snap", PrincipalArn = AdminArn }, Token);
        await eks.AssociateAccessPolicyAsync(
            new AssociateAccessPolicyRequest
            {
                ClusterName = "snap",
                PrincipalArn = RoleArn,
                PolicyArn = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy",
                AccessScope = new AccessScope { Type = AccessScopeType.Namespace, Namespaces = ["dev", "qa-*"] },
            },
            Token);
        await eks.AssociateAccessPolicyAsync(
            new AssociateAccessPolicyRequest
            {
                ClusterName = "snap",
                PrincipalArn = AdminArn,
                PolicyArn = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                AccessScope = new AccessScope { Type = AccessScopeType.Cluster },
            },
            Token);

        var files = await new AwsSnapshotReader(eks).ReadAsync("snap", Token);
        File.WriteAllText("/tmp/snap-cluster.json", files.ClusterJson); File.WriteAllText("/tmp/snap-ae.json", files.AccessEntriesJson);
        var loaded = SnapshotLoader.Load(
        [
            new SnapshotFile("snap/" + AwsSnapshotFiles.ClusterFileName, files.ClusterJson),
            new SnapshotFile("snap/" + AwsSnapshotFiles.AccessEntriesFileName, files.AccessEntriesJson),
        ]);

        loaded.Errors.ShouldBeEmpty();
        loaded.Snapshot.Cluster.ShouldNotBeNull().Name.ShouldBe("snap");
        loaded.Snapshot.AuthenticationMode.ShouldBe(CoreMode.ApiAndConfigMap);
        var role = loaded.Snapshot.AccessEntries.Single(e => string.Equals(e.PrincipalArn, RoleArn, StringComparison.Ordinal));
        role.KubernetesGroups.ShouldBe(["dev-team"]);
        role.Username.ShouldBe("arn:aws:sts::123456789012:assumed-role/Dev/{{SessionName}}");
        role.AssociatedAccessPolicies.Single().AccessScope.Namespaces.ShouldBe(["dev", "qa-*"]);
        loaded.Snapshot.AccessEntries.Single(e => string.Equals(e.PrincipalArn, AdminArn, StringComparison.Ordinal)).AssociatedAccessPolicies.Single().AccessScope.IsCluster.ShouldBeTrue();
        files.ClusterJson.ShouldStartWith("{\n    \"cluster\": {\n        \"name\": \"snap\",\n        \"arn\": ");
        files.AccessEntriesJson.ShouldContain("\"associatedAccessPolicies\": [");
        using var cluster = JsonDocument.Parse(files.ClusterJson);
        cluster.RootElement.GetProperty("cluster").GetProperty("createdAt").GetString().ShouldNotBeNull().ShouldEndWith("+00:00");
    }

    [Fact]
    public async Task ReadAsync_ConfigMapCluster_ListsNoEntriesWithoutCallingTheApi()
    {
        await servers.ResetForClassAsync(GetType());
        await new RawAws(servers.Settings()).CreateClusterAsync("legacy", AuthenticationMode.ConfigMap, Token);
        servers.Fake.Requests.Clear();

        var files = await new AwsSnapshotReader(servers.Clients().Eks).ReadAsync("legacy", Token);
        var loaded = SnapshotLoader.Load([new SnapshotFile("cluster.json", files.ClusterJson), new SnapshotFile("access-entries.json", files.AccessEntriesJson)]);

        files.AccessEntriesJson.ShouldBe("{\n    \"accessEntries\": []\n}\n");
        servers.Fake.RequestsFor("eks").Count.ShouldBe(1);
        loaded.Errors.ShouldBeEmpty();
        loaded.Snapshot.AuthenticationMode.ShouldBe(CoreMode.ConfigMap);
    }

    [Fact]
    public async Task ReadAsync_ManyEntries_KeepsListOrderAcrossPages()
    {
        var principals = Enumerable.Range(0, 150).Select(i => $"arn:aws:iam::123456789012:role/r{i:D3}").ToList();
        var eks = new StubEksClient(principals);

        var files = await new AwsSnapshotReader(eks, maxConcurrency: 4).ReadAsync("big", Token);

        using var document = JsonDocument.Parse(files.AccessEntriesJson);
        var arns = document.RootElement.GetProperty("accessEntries").EnumerateArray().Select(e => e.GetProperty("principalArn").GetString()!).ToList();
        arns.ShouldBe(principals);
        eks.ListPages.ShouldBe(2);
    }
}
