using EksAccess.Aws.CloudTrail;
using EksAccess.Aws.CloudWatchLogs;
using EksAccess.Aws.Eks;
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
        throw new NotSupportedException("AwsClients.Create is being implemented.");
    }
}
