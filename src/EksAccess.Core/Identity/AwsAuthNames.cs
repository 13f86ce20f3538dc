namespace EksAccess.Core.Identity;

/// <summary>
/// The names aws-iam-authenticator reads (pkg/mapper/configmap): the ConfigMap <c>kube-system/aws-auth</c> and its
/// three sections. Every reader and writer of aws-auth uses these.
/// </summary>
public static class AwsAuthNames
{
    public const string ConfigMapName = "aws-auth";
    public const string ConfigMapNamespace = "kube-system";
    public const string MapRoles = "mapRoles";
    public const string MapUsers = "mapUsers";
    public const string MapAccounts = "mapAccounts";
}
