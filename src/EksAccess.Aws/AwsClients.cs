using EksAccess.Aws.CloudTrail;
using EksAccess.Aws.CloudWatchLogs;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Http;
using EksAccess.Aws.Iam;
using EksAccess.Aws.Sts;

namespace EksAccess.Aws;

/// <summary>
/// The signed AWS clients eksaccess uses, sharing one connection pool; the CLI builds one with <see cref="Create"/>,
/// tests with fakes. The SDK-shaped EKS, IAM and STS clients are internal: the CLI reaches them only through
/// <see cref="Access.IAwsAccessClient"/>. CloudTrail and CloudWatch Logs stay public for the audit reads.
/// </summary>
public sealed class AwsClients
{
    internal AwsClients(IEksClient eks, IIamClient iam, IStsClient sts, ICloudTrailClient cloudTrail, ICloudWatchLogsClient cloudWatchLogs)
    {
        Eks = eks;
        Iam = iam;
        Sts = sts;
        CloudTrail = cloudTrail;
        CloudWatchLogs = cloudWatchLogs;
    }

    internal IEksClient Eks { get; }

    internal IIamClient Iam { get; }

    internal IStsClient Sts { get; }

    public ICloudTrailClient CloudTrail { get; }

    public ICloudWatchLogsClient CloudWatchLogs { get; }

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
