using EksAccess.Aws.Http;

namespace EksAccess.Aws.Tests.Http;

public sealed class AwsEndpointResolverTests
{
    [Theory]
    [InlineData(AwsService.Eks, "https://eks.eu-west-1.amazonaws.com/", "eks")]
    [InlineData(AwsService.Sts, "https://sts.eu-west-1.amazonaws.com/", "sts")]
    [InlineData(AwsService.CloudTrail, "https://cloudtrail.eu-west-1.amazonaws.com/", "cloudtrail")]
    [InlineData(AwsService.CloudWatchLogs, "https://logs.eu-west-1.amazonaws.com/", "logs")]
    public void Resolve_NothingConfigured_StandardRegionalEndpoint(AwsService service, string url, string signingName)
    {
        var endpoint = Resolver(new Dictionary<string, string>(StringComparer.Ordinal), region: "eu-west-1").Resolve(service);

        endpoint.ShouldBe(new AwsEndpoint(new Uri(url), signingName, "eu-west-1"));
    }

    [Theory]
    [InlineData("eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    public void Resolve_Iam_GlobalEndpointOfThePartition(string region, string url, string signingRegion)
    {
        var endpoint = Resolver(new Dictionary<string, string>(StringComparer.Ordinal), region).Resolve(AwsService.Iam);

        endpoint.ShouldBe(new AwsEndpoint(new Uri(url), "iam", signingRegion));
    }

    [Fact]
    public void Resolve_ChinaRegion_UsesTheChinaDomain()
    {
        var endpoint = Resolver(new Dictionary<string, string>(StringComparer.Ordinal), "cn-north-1").Resolve(AwsService.Eks);

        endpoint.Url.ShouldBe(new Uri("https://eks.cn-north-1.amazonaws.com.cn/"));
    }

    [Fact]
    public void Resolve_ServiceVariableBeatsGlobalVariable_ExplicitBeatsBoth()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL"] = "http://global:1",
            ["AWS_ENDPOINT_URL_EKS"] = "http://eks:2",
            ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = "http://logs:3",
        };

        var fromEnvironment = Resolver(environment, "us-east-1");
        var explicitUrl = Resolver(environment, "us-east-1", new Uri("http://explicit:4/"));

        fromEnvironment.Resolve(AwsService.Eks).Url.ShouldBe(new Uri("http://eks:2"));
        fromEnvironment.Resolve(AwsService.CloudWatchLogs).Url.ShouldBe(new Uri("http://logs:3"));
        fromEnvironment.Resolve(AwsService.Iam).ShouldBe(new AwsEndpoint(new Uri("http://global:1"), "iam", "us-east-1"));
        fromEnvironment.Resolve(AwsService.Sts).Url.ShouldBe(new Uri("http://global:1"));
        explicitUrl.Resolve(AwsService.Eks).Url.ShouldBe(new Uri("http://explicit:4/"));
        explicitUrl.Resolve(AwsService.Iam).Url.ShouldBe(new Uri("http://explicit:4/"));
    }

    [Fact]
    public void Resolve_IgnoreConfiguredEndpointUrls_SkipsTheVariables()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL"] = "http://global:1",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        };

        Resolver(environment, "us-east-1").Resolve(AwsService.Eks).Url.ShouldBe(new Uri("https://eks.us-east-1.amazonaws.com/"));
    }

    [Fact]
    public void Resolve_BadEndpointVariable_NamesTheVariable()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_ENDPOINT_URL_STS"] = "not a url" };

        var exception = Should.Throw<AwsConfigurationException>(() => Resolver(environment, "us-east-1").Resolve(AwsService.Sts));

        exception.Message.ShouldContain("AWS_ENDPOINT_URL_STS");
    }

    [Fact]
    public void Region_ExplicitThenAwsRegionThenAwsDefaultRegion()
    {
        var both = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_REGION"] = "eu-west-1", ["AWS_DEFAULT_REGION"] = "eu-west-2" };
        var defaultOnly = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_DEFAULT_REGION"] = "eu-west-2" };

        Resolver(both, region: "ap-south-1").Region.ShouldBe("ap-south-1");
        Resolver(both, region: null).Region.ShouldBe("eu-west-1");
        Resolver(defaultOnly, region: null).Region.ShouldBe("eu-west-2");
    }

    [Fact]
    public void Resolve_NoRegion_RegionalServiceFailsButIamAndStsUseGlobalEndpoints()
    {
        var resolver = new AwsEndpointResolver(new AwsClientSettings { Profile = "absent-profile-for-test", EnvironmentVariables = _ => null });

        var exception = Should.Throw<AwsConfigurationException>(() => resolver.Resolve(AwsService.Eks));

        exception.Message.ShouldStartWith("no AWS region for EKS: pass --region");
        resolver.Resolve(AwsService.Iam).Url.ShouldBe(new Uri("https://iam.amazonaws.com/"));
        resolver.Resolve(AwsService.Sts).ShouldBe(new AwsEndpoint(new Uri("https://sts.amazonaws.com/"), "sts", "us-east-1"));
    }

    [Fact]
    public void ProfileName_ExplicitThenAwsProfile()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_PROFILE"] = "from-env" };

        new AwsEndpointResolver(new AwsClientSettings { EnvironmentVariables = environment.GetValueOrDefault }).ProfileName.ShouldBe("from-env");
        new AwsEndpointResolver(new AwsClientSettings { Profile = "explicit", EnvironmentVariables = environment.GetValueOrDefault }).ProfileName.ShouldBe("explicit");
    }

    private static AwsEndpointResolver Resolver(Dictionary<string, string> environment, string? region, Uri? endpointUrl = null) =>
        new(new AwsClientSettings { Region = region, EndpointUrl = endpointUrl, EnvironmentVariables = environment.GetValueOrDefault });
}
