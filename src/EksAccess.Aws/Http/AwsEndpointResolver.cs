using Amazon.Runtime.CredentialManagement;
using EksAccess.Core.Identity;

namespace EksAccess.Aws.Http;

/// <summary>
/// Resolves regions and endpoints the way the AWS CLI does (see <see cref="AwsClientSettings"/>): an explicit
/// endpoint, then <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then the partition's standard
/// endpoint; IAM is global per partition and always signed for the partition's global region.
/// </summary>
internal sealed class AwsEndpointResolver
{
    private readonly AwsClientSettings _settings;
    private readonly Lazy<string?> _region;

    public AwsEndpointResolver(AwsClientSettings settings)
    {
        _settings = settings;
        _region = new Lazy<string?>(ResolveRegion);
    }

    /// <summary>The profile in use: <c>--profile</c>, then <c>AWS_PROFILE</c>, else null (the SDK's default).</summary>
    public string? ProfileName => NonEmpty(_settings.Profile) ?? Env("AWS_PROFILE");

    /// <summary>The region, or null when none is configured anywhere.</summary>
    public string? Region => _region.Value;

    public AwsEndpoint Resolve(AwsService service)
    {
        var region = Region;
        if (service == AwsService.Iam)
        {
            var (globalUrl, globalRegion) = IamGlobalEndpoint(region);
            return new AwsEndpoint(ConfiguredEndpoint(service) ?? globalUrl, "iam", globalRegion);
        }

        if (region is null && service == AwsService.Sts)
        {
            return new AwsEndpoint(ConfiguredEndpoint(service) ?? new Uri("https://sts.amazonaws.com/"), "sts", "us-east-1");
        }

        if (region is null)
        {
            throw new AwsConfigurationException(
                $"no AWS region for {ServiceTitle(service)}: pass --region, set AWS_REGION, or set region in the profile");
        }

        var signingName = SigningName(service);
        var url = ConfiguredEndpoint(service) ?? new Uri($"https://{signingName}.{region}.{DnsSuffix(region)}/");
        return new AwsEndpoint(url, signingName, region);
    }

    public static string SigningName(AwsService service) => service switch
    {
        AwsService.Eks => "eks",
        AwsService.Iam => "iam",
        AwsService.Sts => "sts",
        AwsService.CloudTrail => "cloudtrail",
        AwsService.CloudWatchLogs => "logs",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, message: null),
    };

    /// <summary>The suffix of <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> (the service id, upper case, spaces as underscores).</summary>
    public static string EnvironmentSuffix(AwsService service) => service switch
    {
        AwsService.Eks => "EKS",
        AwsService.Iam => "IAM",
        AwsService.Sts => "STS",
        AwsService.CloudTrail => "CLOUDTRAIL",
        AwsService.CloudWatchLogs => "CLOUDWATCH_LOGS",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, message: null),
    };

    /// <summary>The DNS suffix of the region's partition, from the one table in <see cref="AwsPartitions"/>.</summary>
    public static string DnsSuffix(string region) => AwsPartitions.DnsSuffix(region);

    /// <summary>IAM's one endpoint per partition and the region its requests are signed for.</summary>
    public static (Uri Url, string SigningRegion) IamGlobalEndpoint(string? region)
    {
        if (region is null)
        {
            return (new Uri("https://iam.amazonaws.com/"), "us-east-1");
        }

        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return (new Uri("https://iam.cn-north-1.amazonaws.com.cn/"), "cn-north-1");
        }

        if (region.StartsWith("us-gov-", StringComparison.Ordinal))
        {
            return (new Uri("https://iam.us-gov.amazonaws.com/"), "us-gov-west-1");
        }

        if (region.StartsWith("us-isob-", StringComparison.Ordinal))
        {
            return (new Uri("https://iam.us-isob-east-1.sc2s.sgov.gov/"), "us-isob-east-1");
        }

        if (region.StartsWith("us-iso-", StringComparison.Ordinal))
        {
            return (new Uri("https://iam.us-iso-east-1.c2s.ic.gov/"), "us-iso-east-1");
        }

        return (new Uri("https://iam.amazonaws.com/"), "us-east-1");
    }

    private Uri? ConfiguredEndpoint(AwsService service)
    {
        if (_settings.EndpointUrl is not null)
        {
            return _settings.EndpointUrl;
        }

        if (string.Equals(Env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = "AWS_ENDPOINT_URL_" + EnvironmentSuffix(service);
        var value = Env(name);
        if (value is null)
        {
            name = "AWS_ENDPOINT_URL";
            value = Env(name);
        }

        if (value is null)
        {
            return null;
        }

        if (!AwsEndpointUrl.TryParse(value, out var uri))
        {
            throw new AwsConfigurationException($"{name} is not an http(s) URL: '{value}'");
        }

        return uri;
    }

    private string? ResolveRegion()
    {
        var region = NonEmpty(_settings.Region) ?? Env("AWS_REGION") ?? Env("AWS_DEFAULT_REGION");
        if (region is not null)
        {
            return region;
        }

        try
        {
            var chain = new CredentialProfileStoreChain();
            return chain.TryGetProfile(ProfileName ?? "default", out var profile) ? profile.Region?.SystemName : null;
        }
        catch (InvalidDataException exception)
        {
            throw AwsCredentialSource.UnparsableConfigFile(exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            throw new AwsConfigurationException($"cannot read the AWS config files: {exception.Message}", exception);
        }
    }

    private static string ServiceTitle(AwsService service) => service switch
    {
        AwsService.CloudWatchLogs => "CloudWatch Logs",
        AwsService.CloudTrail => "CloudTrail",
        _ => service.ToString().ToUpperInvariant(),
    };

    private string? Env(string name) => NonEmpty(_settings.EnvironmentVariables(name));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
