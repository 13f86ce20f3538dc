using System.Net;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;

namespace EksAccess.Aws.Tests.Eks;

/// <summary>
/// The access-entry operations against the fake, each request checked against the official EKS model.
/// </summary>
[Collection(AwsSequential.Name)]
public sealed class EksAccessEntryTests(AwsTestServers servers)
{
    private const string Cluster = "entries";
    private const string Lifecycle = "lifecycle";
    private const string RoleArn = "arn:aws:iam::123456789012:role/teams/Dev";
    private const string UserArn = "arn:aws:iam::123456789012:user/alice";
    private const string EditPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy";
    private const string ViewPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";

    private readonly IEksClient _eks = servers.Clients().Eks;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccessEntryLifecycle_EveryOperation_ConformsToTheEksModel()
    {
        await SeedAsync(Lifecycle, AuthenticationMode.Api);
        servers.Fake.Requests.Clear();

        var created = await _eks.CreateAccessEntryAsync(
            new CreateAccessEntryRequest { ClusterName = Lifecycle, PrincipalArn = RoleArn, KubernetesGroups = ["dev-team"], Tags = new(StringComparer.Ordinal) { ["team"] = "dev" } },
            Token);
        await _eks.CreateAccessEntryAsync(new CreateAccessEntryRequest { ClusterName = Lifecycle, PrincipalArn = UserArn, Username = "alice" }, Token);
        var described = await _eks.DescribeAccessEntryAsync(new DescribeAccessEntryRequest { ClusterName = Lifecycle, PrincipalArn = RoleArn }, Token);
        var updated = await _eks.UpdateAccessEntryAsync(
            new UpdateAccessEntryRequest { ClusterName = Lifecycle, PrincipalArn = RoleArn, KubernetesGroups = ["dev-team", "viewers"], Username = "dev" },
            Token);
        var associated = await _eks.AssociateAccessPolicyAsync(
            new AssociateAccessPolicyRequest
            {
                ClusterName = Lifecycle,
                PrincipalArn = RoleArn,
                PolicyArn = EditPolicy,
                AccessScope = new AccessScope { Type = AccessScopeType.Namespace, Namespaces = ["dev-*"] },
            },
            Token);
        await _eks.AssociateAccessPolicyAsync(
            new AssociateAccessPolicyRequest { ClusterName = Lifecycle, PrincipalArn = RoleArn, PolicyArn = ViewPolicy, AccessScope = new AccessScope { Type = AccessScopeType.Cluster } },
            Token);
        var policies = await _eks.ListAssociatedAccessPoliciesAllAsync(new ListAssociatedAccessPoliciesRequest { ClusterName = Lifecycle, PrincipalArn = RoleArn, MaxResults = 1 }, Token).ToListAsync(Token);
        var withEdit = await _eks.ListAccessEntriesAsync(new ListAccessEntriesRequest { ClusterName = Lifecycle, AssociatedPolicyArn = EditPolicy }, Token);
        await _eks.DisassociateAccessPolicyAsync(new DisassociateAccessPolicyRequest { ClusterName = Lifecycle, PrincipalArn = RoleArn, PolicyArn = EditPolicy }, Token);
        var all = await _eks.ListAccessEntriesAllAsync(new ListAccessEntriesRequest { ClusterName = Lifecycle, MaxResults = 1 }, Token).ToListAsync(Token);
        var offered = await _eks.ListAccessPoliciesAllAsync(new ListAccessPoliciesRequest { MaxResults = 2 }, Token).ToListAsync(Token);
        await _eks.DeleteAccessEntryAsync(new DeleteAccessEntryRequest { ClusterName = Lifecycle, PrincipalArn = UserArn }, Token);
        var remaining = await _eks.ListAccessEntriesAsync(new ListAccessEntriesRequest { ClusterName = Lifecycle }, Token);

        created.AccessEntry.ShouldNotBeNull();
        created.AccessEntry.Username.ShouldBe("arn:aws:sts::123456789012:assumed-role/Dev/{{SessionName}}");
        created.AccessEntry.Type.ShouldBe("STANDARD");
        created.AccessEntry.Tags.ShouldNotBeNull()["team"].ShouldBe("dev");
        created.AccessEntry.CreatedAt.ShouldNotBeNull().Kind.ShouldBe(DateTimeKind.Utc);
        described.AccessEntry!.AccessEntryArn.ShouldBe(created.AccessEntry.AccessEntryArn);
        updated.AccessEntry!.KubernetesGroups.ShouldBe(["dev-team", "viewers"]);
        updated.AccessEntry.Username.ShouldBe("dev");
        associated.ClusterName.ShouldBe(Lifecycle);
        associated.AssociatedAccessPolicy!.AccessScope!.Namespaces.ShouldBe(["dev-*"]);
        policies.Select(p => p.PolicyArn).ShouldBe([EditPolicy, ViewPolicy]);
        withEdit.AccessEntries.ShouldBe([RoleArn]);
        all.ShouldBe([RoleArn, UserArn]);
        offered.Count.ShouldBe(5);
        remaining.AccessEntries.ShouldBe([RoleArn]);
        AssertConformsToModel(expectedOperations:
        [
            "CreateAccessEntry", "DescribeAccessEntry", "UpdateAccessEntry", "AssociateAccessPolicy", "ListAssociatedAccessPolicies",
            "ListAccessEntries", "DisassociateAccessPolicy", "ListAccessPolicies", "DeleteAccessEntry",
        ]);
    }

    [Fact]
    public async Task DescribeAccessEntry_ArnWithPath_IsSentPercentEncodedInFull()
    {
        await SeedAsync(Cluster, AuthenticationMode.Api);
        await CreateIfMissingAsync(RoleArn);
        servers.Fake.Requests.Clear();

        await _eks.DescribeAccessEntryAsync(new DescribeAccessEntryRequest { ClusterName = Cluster, PrincipalArn = RoleArn }, Token);

        servers.Fake.RequestsFor("eks").Single().RawPath
            .ShouldBe("/clusters/entries/access-entries/arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fteams%2FDev");
    }

    [Fact]
    public async Task CreateAccessEntry_Duplicate_ThrowsResourceInUse()
    {
        await SeedAsync(Cluster, AuthenticationMode.Api);
        await CreateIfMissingAsync(UserArn);

        var exception = await Should.ThrowAsync<AwsServiceException>(() =>
            _eks.CreateAccessEntryAsync(new CreateAccessEntryRequest { ClusterName = Cluster, PrincipalArn = UserArn }, Token));

        exception.ErrorCode.ShouldBe("ResourceInUseException");
        exception.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        exception.Operation.ShouldBe("CreateAccessEntry");
    }

    [Fact]
    public async Task DescribeAccessEntry_Unknown_ThrowsResourceNotFound()
    {
        await SeedAsync(Cluster, AuthenticationMode.Api);

        var exception = await Should.ThrowAsync<AwsServiceException>(() =>
            _eks.DescribeAccessEntryAsync(new DescribeAccessEntryRequest { ClusterName = Cluster, PrincipalArn = "arn:aws:iam::123456789012:role/ghost" }, Token));

        exception.ErrorCode.ShouldBe("ResourceNotFoundException");
        exception.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateAccessEntry_RequiredMemberMissing_ThrowsBeforeSending()
    {
        await SeedAsync(Cluster, AuthenticationMode.Api);
        servers.Fake.Requests.Clear();

        var exception = await Should.ThrowAsync<ArgumentException>(() =>
            _eks.CreateAccessEntryAsync(new CreateAccessEntryRequest { ClusterName = Cluster }, Token));

        exception.Message.ShouldContain("PrincipalArn");
        servers.Fake.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void Enums_MatchTheEksModel()
    {
        var model = EksServiceModel.Load(servers.BotocoreData);

        model.EnumValues("AccessScopeType").ShouldBe([AccessScopeType.Cluster, AccessScopeType.Namespace], ignoreOrder: true);
        model.EnumValues("AuthenticationMode").ShouldBe([AuthenticationMode.Api, AuthenticationMode.ApiAndConfigMap, AuthenticationMode.ConfigMap], ignoreOrder: true);
        model.EnumValues("LogType").ShouldBe([LogType.Api, LogType.Audit, LogType.Authenticator, LogType.ControllerManager, LogType.Scheduler], ignoreOrder: true);
        model.EnumValues("UpdateStatus").ShouldBe([UpdateStatus.InProgress, UpdateStatus.Failed, UpdateStatus.Cancelled, UpdateStatus.Successful], ignoreOrder: true);
    }

    private void AssertConformsToModel(IReadOnlyList<string> expectedOperations)
    {
        var model = EksServiceModel.Load(servers.BotocoreData);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var request in servers.Fake.RequestsFor("eks"))
        {
            var (operation, found) = model.Check(request);
            problems.AddRange(found);
            if (operation is not null)
            {
                seen.Add(operation);
            }
        }

        problems.ShouldBeEmpty();
        seen.ShouldBe(expectedOperations, ignoreOrder: true);
    }

    private async Task CreateIfMissingAsync(string principalArn)
    {
        var existing = await _eks.ListAccessEntriesAllAsync(new ListAccessEntriesRequest { ClusterName = Cluster }, Token).ToListAsync(Token);
        if (!existing.Contains(principalArn, StringComparer.Ordinal))
        {
            await _eks.CreateAccessEntryAsync(new CreateAccessEntryRequest { ClusterName = Cluster, PrincipalArn = principalArn }, Token);
        }
    }

    private async Task SeedAsync(string cluster, string mode)
    {
        await servers.ResetForClassAsync(GetType());
        var clusters = await _eks.ListClustersAllAsync(new ListClustersRequest(), Token).ToListAsync(Token);
        if (!clusters.Contains(cluster, StringComparer.Ordinal))
        {
            await new RawAws(servers.Settings()).CreateClusterAsync(cluster, mode, Token);
        }
    }
}
