using System.Diagnostics;
using System.Net;
using Amazon.Runtime;
using EksAccess.Aws.Eks.Model;

namespace EksAccess.Aws.Tests.Http;

/// <summary>Faults injected by the fake: throttling is retried, client errors are not, a dead endpoint is bounded.</summary>
[Collection(AwsSequential.Name)]
public sealed class RetryAndErrorTests(AwsTestServers servers)
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENSECRET";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAccessPolicies_ThrottledTwice_SucceedsOnTheThirdAttempt()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        servers.Fake.AddFault(IsListAccessPolicies, 2, FakeResponse.Error(429, "ThrottlingException", "Rate exceeded"));

        var response = await servers.Clients().Eks.ListAccessPoliciesAsync(new ListAccessPoliciesRequest(), Token);

        response.AccessPolicies.ShouldNotBeNull().ShouldNotBeEmpty();
        servers.Fake.Requests.Count(IsListAccessPolicies).ShouldBe(3);
    }

    [Theory]
    [InlineData(500, "InternalFailure")]
    [InlineData(503, "ServiceUnavailableException")]
    [InlineData(400, "Throttling")]
    public async Task ListAccessPolicies_TransientErrorOnce_IsRetried(int status, string code)
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        servers.Fake.AddFault(IsListAccessPolicies, 1, FakeResponse.Error(status, code, "try again"));

        await servers.Clients().Eks.ListAccessPoliciesAsync(new ListAccessPoliciesRequest(), Token);

        servers.Fake.Requests.Count(IsListAccessPolicies).ShouldBe(2);
    }

    [Fact]
    public async Task ListAccessPolicies_AlwaysThrottled_GivesUpAfterMaxAttempts()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        servers.Fake.AddFault(IsListAccessPolicies, 100, FakeResponse.Error(429, "ThrottlingException", "Rate exceeded"));

        var exception = await Should.ThrowAsync<AwsServiceException>(() =>
            AwsClients.Create(servers.Settings() with { MaxAttempts = 3 }).Eks.ListAccessPoliciesAsync(new ListAccessPoliciesRequest(), Token));

        exception.ErrorCode.ShouldBe("ThrottlingException");
        exception.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        servers.Fake.Requests.Count(IsListAccessPolicies).ShouldBe(3);
    }

    [Fact]
    public async Task ListAccessPolicies_FirstAttemptTimesOut_IsRetried()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        servers.Fake.AddFault(IsListAccessPolicies, 1, FakeResponse.Error(500, "InternalFailure", "slow") with { Delay = TimeSpan.FromSeconds(3) });
        var settings = servers.Settings() with { AttemptTimeout = TimeSpan.FromMilliseconds(300) };

        var response = await AwsClients.Create(settings).Eks.ListAccessPoliciesAsync(new ListAccessPoliciesRequest(), Token);

        response.AccessPolicies.ShouldNotBeNull().ShouldNotBeEmpty();
        servers.Fake.Requests.Count(IsListAccessPolicies).ShouldBe(2);
    }

    [Fact]
    public async Task ListAccessPolicies_EveryAttemptTimesOut_ThrowsRequestTimeout()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        servers.Fake.AddFault(IsListAccessPolicies, 2, FakeResponse.Ok("{}") with { Delay = TimeSpan.FromSeconds(3) });
        var settings = servers.Settings() with { AttemptTimeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 };

        var exception = await Should.ThrowAsync<AwsServiceException>(() =>
            AwsClients.Create(settings).Eks.ListAccessPoliciesAsync(new ListAccessPoliciesRequest(), Token));

        exception.ErrorCode.ShouldBe("RequestTimeout");
        exception.Message.ShouldStartWith("ListAccessPolicies failed: RequestTimeout: no answer from http://127.0.0.1:");
    }

    [Fact]
    public async Task ListAccessPolicies_InvalidParameter_FailsOnceWithOneLineMessage()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        servers.Fake.AddFault(IsListAccessPolicies, 1, FakeResponse.Error(400, "InvalidParameterException", "maxResults is wrong\nsecond line"));

        var exception = await Should.ThrowAsync<AwsServiceException>(() =>
            servers.Clients().Eks.ListAccessPoliciesAsync(new ListAccessPoliciesRequest(), Token));

        exception.Operation.ShouldBe("ListAccessPolicies");
        exception.ErrorCode.ShouldBe("InvalidParameterException");
        exception.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        exception.RequestId.ShouldNotBeNullOrEmpty();
        exception.Message.ShouldStartWith("ListAccessPolicies failed: InvalidParameterException (HTTP 400): maxResults is wrong second line");
        exception.Message.ShouldNotContain("\n");
        servers.Fake.Requests.Count(IsListAccessPolicies).ShouldBe(1);
    }

    [Fact]
    public async Task DescribeCluster_EndpointRefusesConnections_FailsAfterBoundedRetries()
    {
        var dead = new Uri($"http://127.0.0.1:{AwsTestServers.FreePort()}/");
        var settings = servers.Settings() with { EndpointUrl = dead, MaxAttempts = 3 };
        var clock = Stopwatch.StartNew();

        var exception = await Should.ThrowAsync<AwsServiceException>(() =>
            AwsClients.Create(settings).Eks.DescribeClusterAsync(new DescribeClusterRequest { Name = "c1" }, Token));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        exception.ErrorCode.ShouldBe("RequestFailed");
        exception.StatusCode.ShouldBeNull();
        exception.Message.ShouldStartWith($"DescribeCluster failed: RequestFailed: cannot reach {dead.GetLeftPart(UriPartial.Authority)} after 3 attempts");
        exception.InnerException.ShouldBeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task DescribeCluster_CancelledDuringBackoff_ThrowsOperationCanceled()
    {
        var dead = new Uri($"http://127.0.0.1:{AwsTestServers.FreePort()}/");
        var settings = servers.Settings() with { EndpointUrl = dead, MaxAttempts = 5, RetryBaseDelay = TimeSpan.FromSeconds(5), RetryMaxDelay = TimeSpan.FromSeconds(5) };
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            AwsClients.Create(settings).Eks.DescribeClusterAsync(new DescribeClusterRequest { Name = "c1" }, cancellation.Token));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Failure_WithExplicitSessionCredentials_NeverShowsSecretOrToken()
    {
        await servers.ResetForClassAsync(GetType());
        servers.Fake.Reset();
        servers.Fake.AddFault(IsListAccessPolicies, 1, FakeResponse.Error(403, "UnrecognizedClientException", "The security token included in the request is invalid."));
        var credentials = new SessionAWSCredentials("ASIAEXAMPLEKEYID", SecretKey, SessionToken);

        var exception = await Should.ThrowAsync<AwsServiceException>(() =>
            servers.Clients(credentials).Eks.ListAccessPoliciesAsync(new ListAccessPoliciesRequest(), Token));
        var dead = servers.Settings(credentials) with { EndpointUrl = new Uri($"http://127.0.0.1:{AwsTestServers.FreePort()}/"), MaxAttempts = 1 };
        var unreachable = await Should.ThrowAsync<AwsServiceException>(() =>
            AwsClients.Create(dead).Eks.ListAccessPoliciesAsync(new ListAccessPoliciesRequest(), Token));

        var sent = servers.Fake.Requests.Single(IsListAccessPolicies);
        sent.Header("X-Amz-Security-Token").ShouldBe(SessionToken);
        sent.Header("Authorization").ShouldNotBeNull().ShouldNotContain(SecretKey);
        foreach (var text in new[] { exception.Message, exception.ToString(), unreachable.Message, unreachable.ToString(), servers.Settings(credentials).ToString() })
        {
            text.ShouldNotContain(SecretKey);
            text.ShouldNotContain(SessionToken);
            text.ShouldNotContain("Authorization", Case.Insensitive);
        }
    }

    private static bool IsListAccessPolicies(RecordedRequest request) =>
        string.Equals(request.Service, "eks", StringComparison.Ordinal) && string.Equals(request.RawPath, "/access-policies", StringComparison.Ordinal);
}
