namespace EksAccess.Aws.Eks.Model;

/// <summary>The values of the EKS <c>AuthenticationMode</c> enum.</summary>
internal static class AuthenticationMode
{
    public const string Api = "API";

    public const string ApiAndConfigMap = "API_AND_CONFIG_MAP";

    public const string ConfigMap = "CONFIG_MAP";
}
