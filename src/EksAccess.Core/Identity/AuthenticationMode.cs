namespace EksAccess.Core.Identity;

/// <summary>EKS cluster accessConfig.authenticationMode. Names match the API enum (ToString gives the wire value via <see cref="AuthenticationModes"/>).</summary>
public enum AuthenticationMode
{
    ConfigMap,
    ApiAndConfigMap,
    Api,
}
