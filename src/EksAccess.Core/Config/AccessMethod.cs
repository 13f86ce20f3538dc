namespace EksAccess.Core.Config;

/// <summary>How principals are mapped: EKS access entries, the aws-auth ConfigMap, or both.</summary>
public enum AccessMethod
{
    AccessEntries,
    AwsAuth,
    Both,
}
