using EksAccess.Aws.CloudTrail;
using EksAccess.Aws.CloudWatchLogs;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Http;
using EksAccess.Aws.Iam;
using EksAccess.Aws.Sts;

namespace EksAccess.Aws;

/// <summary>The five AWS clients eksaccess uses; the CLI builds one with <see cref="Create"/>, tests with fakes.</summary>
public sealed record AwsClients(
    IEksClient Eks,
    IIamClient Iam,
    IStsClient Sts,
    ICloudTrailClient CloudTrail,
    ICloudWatchLogsClient CloudWatchLogs)
{
    /// <summary>
    /// Real clients sharing one HttpClient, credential source and retry policy. Nothing is resolved until the first
    /// call, so a missing region or credentials surfaces as <see cref="AwsConfigurationException"/> from that call.
    /// </summary>
    public static AwsClients Create(AwsClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.MaxAttempts, "MaxAttempts must be at least 1.");
        }

        var endpoints = new AwsEndpointResolver(settings);
        var credentials = new AwsCredentialSource(settings, endpoints);
        var transport = new AwsTransport(settings, endpoints, credentials, AwsTransport.SharedHttpClient);
        return new AwsClients(
            new EksClient(transport),
            new IamClient(transport),
            new StsClient(transport),
            new CloudTrailClient(transport),
            new CloudWatchLogsClient(transport));
    }

    /// <summary>The region the clients use (explicit, environment, then profile), or null when none is configured.</summary>
    public static string? ResolveRegion(AwsClientSettings settings) => new AwsEndpointResolver(settings).Region;
}
