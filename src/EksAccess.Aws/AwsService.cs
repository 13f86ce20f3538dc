namespace EksAccess.Aws;

/// <summary>The AWS services eksaccess calls; each has its own endpoint and signing name.</summary>
public enum AwsService
{
    Eks,
    Iam,
    Sts,
    CloudTrail,
    CloudWatchLogs,
}
