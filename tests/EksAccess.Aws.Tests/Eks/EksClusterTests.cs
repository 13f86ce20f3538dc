using System.Net;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;

namespace EksAccess.Aws.Tests.Eks;

[Collection(AwsSequential.Name)]
public sealed class EksClusterTests(AwsTestServers servers)
{
    private readonly IEksClient _eks = servers.Clients().Eks;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DescribeCluster_CreatedInMoto_ReturnsClusterWithAccessConfig()
    {
        await SeedAsync("describe-me", AuthenticationMode.ApiAndConfigMap);

        var response = await _eks.DescribeClusterAsync(new DescribeClusterRequest { Name = "describe-me" }, Token);

        response.Cluster.ShouldNotBeNull();
        response.Cluster.Name.ShouldBe("describe-me");
        response.Cluster.Arn.ShouldBe("arn:aws:eks:us-east-1:123456789012:cluster/describe-me");
        response.Cluster.Status.ShouldBe("ACTIVE");
        response.Cluster.CreatedAt.ShouldNotBeNull().Kind.ShouldBe(DateTimeKind.Utc);
        response.Cluster.AccessConfig.ShouldNotBeNull().AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
        response.Cluster.Logging.ShouldNotBeNull().ClusterLogging.ShouldNotBeNull().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task DescribeCluster_Unknown_ThrowsResourceNotFound()
    {
        await servers.ResetForClassAsync(GetType());

        var exception = await Should.ThrowAsync<AwsServiceException>(() => _eks.DescribeClusterAsync(new DescribeClusterRequest { Name = "nope" }, Token));

        exception.Operation.ShouldBe("DescribeCluster");
        exception.ErrorCode.ShouldBe("ResourceNotFoundException");
        exception.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        exception.Message.ShouldStartWith("DescribeCluster failed: ResourceNotFoundException (HTTP 404)");
    }

    [Fact]
    public async Task ListClustersAllAsync_MaxResultsOne_FollowsNextToken()
    {
        await SeedAsync("list-a", AuthenticationMode.Api);
        await SeedAsync("list-b", AuthenticationMode.Api);

        var pages = await _eks.ListClustersPagesAsync(new ListClustersRequest { MaxResults = 1 }, Token).ToListAsync(Token);
        var names = await _eks.ListClustersAllAsync(new ListClustersRequest { MaxResults = 1 }, Token).ToListAsync(Token);

        pages.Count.ShouldBeGreaterThanOrEqualTo(2);
        names.ShouldContain(n => n == "list-a");
        names.ShouldContain(n => n == "list-b");
        names.Count.ShouldBe(names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task UpdateClusterConfig_Logging_IsStoredAndReturnsLoggingUpdate()
    {
        await SeedAsync("logging", AuthenticationMode.Api);
        var logging = new Logging { ClusterLogging = [new LogSetup { Types = [LogType.Audit, LogType.Authenticator], Enabled = true }] };

        var update = await _eks.UpdateClusterConfigAsync(new UpdateClusterConfigRequest { Name = "logging", Logging = logging }, Token);
        var described = await _eks.DescribeClusterAsync(new DescribeClusterRequest { Name = "logging" }, Token);
        var status = await _eks.DescribeUpdateAsync(new DescribeUpdateRequest { Name = "logging", UpdateId = update.Update!.Id }, Token);

        update.Update.Type.ShouldBe("LoggingUpdate");
        status.Update.ShouldNotBeNull().Status.ShouldBe(UpdateStatus.Successful);
        var enabled = described.Cluster!.Logging!.ClusterLogging!.Where(s => s.Enabled == true).SelectMany(s => s.Types!).ToList();
        enabled.ShouldBe([LogType.Audit, LogType.Authenticator], ignoreOrder: true);
    }

    [Fact]
    public async Task UpdateClusterConfig_AccessConfig_MovesToApiMode()
    {
        await SeedAsync("modes", AuthenticationMode.ConfigMap);

        var update = await _eks.UpdateClusterConfigAsync(
            new UpdateClusterConfigRequest { Name = "modes", AccessConfig = new UpdateAccessConfigRequest { AuthenticationMode = AuthenticationMode.ApiAndConfigMap } },
            Token);
        var described = await _eks.DescribeClusterAsync(new DescribeClusterRequest { Name = "modes" }, Token);

        update.Update!.Type.ShouldBe("AccessConfigUpdate");
        update.Update.Params!.ShouldContain(p => p.Type == "AuthenticationMode" && p.Value == AuthenticationMode.ApiAndConfigMap);
        described.Cluster!.AccessConfig!.AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
    }

    private async Task SeedAsync(string name, string mode)
    {
        await servers.ResetForClassAsync(GetType());
        await new RawAws(servers.Settings()).CreateClusterAsync(name, mode, Token);
    }
}
