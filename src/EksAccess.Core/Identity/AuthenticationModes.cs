using System.Diagnostics.CodeAnalysis;

namespace EksAccess.Core.Identity;

public static class AuthenticationModes
{
    public const string ConfigMapValue = "CONFIG_MAP";
    public const string ApiAndConfigMapValue = "API_AND_CONFIG_MAP";
    public const string ApiValue = "API";

    public static string ToWire(this AuthenticationMode mode) => mode switch
    {
        AuthenticationMode.ConfigMap => ConfigMapValue,
        AuthenticationMode.ApiAndConfigMap => ApiAndConfigMapValue,
        AuthenticationMode.Api => ApiValue,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, message: null),
    };

    public static bool TryParse(string? value, [NotNullWhen(true)] out AuthenticationMode? mode)
    {
        mode = value switch
        {
            ConfigMapValue => AuthenticationMode.ConfigMap,
            ApiAndConfigMapValue => AuthenticationMode.ApiAndConfigMap,
            ApiValue => AuthenticationMode.Api,
            _ => null,
        };
        return mode is not null;
    }
}
