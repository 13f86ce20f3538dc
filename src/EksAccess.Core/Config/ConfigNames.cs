using EksAccess.Core.Identity;
using System.Text.RegularExpressions;

namespace EksAccess.Core.Config;

/// <summary>Name and value formats of AWS and Kubernetes, as the validator checks them.</summary>
internal static partial class ConfigNames
{
    public const string AccountIdExample = "111122223333";

    /// <summary>Namespaces and other DNS-1123 labels: at most 63 of [a-z0-9-], starting and ending alphanumeric.</summary>
    public static bool IsDnsLabel(string value) => value.Length <= 63 && DnsLabelPattern().IsMatch(value);

    /// <summary>DNS-1123 subdomain: at most 253 of [a-z0-9-.], starting and ending alphanumeric.</summary>
    public static bool IsDnsSubdomain(string value) => value.Length <= 253 && DnsSubdomainPattern().IsMatch(value);

    /// <summary>RBAC object names are path segments: not empty, '.' or '..', no '/' or '%', at most 253 characters.</summary>
    public static bool IsRbacName(string value) =>
        value.Length is > 0 and <= 253 && value is not ("." or "..") && !value.Contains('/', StringComparison.Ordinal) && !value.Contains('%', StringComparison.Ordinal);

    /// <summary>IAM user, role, group and policy names: [A-Za-z0-9+=,.@_-], 1 to <paramref name="maxLength"/> characters.</summary>
    public static bool IsIamName(string value, int maxLength) => value.Length <= maxLength && IamNamePattern().IsMatch(value);

    /// <summary>IAM paths: '/' or '/a/b/' of printable ASCII, at most 512 characters.</summary>
    public static bool IsIamPath(string value) => value.Length <= 512 && IamPathPattern().IsMatch(value);

    public static bool IsAccountId(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);

    public static bool IsRegion(string value) => AwsPartitions.IsRegionName(value);

    /// <summary>EKS cluster names: 1–100 of [A-Za-z0-9_-], starting alphanumeric.</summary>
    public static bool IsClusterName(string value) => value.Length <= 100 && ClusterNamePattern().IsMatch(value);

    /// <summary>A Kubernetes resource quantity: 500m, 2, 1.5, 8Gi, 1e3.</summary>
    public static bool IsQuantity(string value) => QuantityPattern().IsMatch(value);

    /// <summary>A label key: optional DNS-subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static bool IsLabelKey(string key)
    {
        var slash = key.LastIndexOf('/');
        if (slash >= 0 && !IsDnsSubdomain(key[..slash]))
        {
            return false;
        }

        var name = key[(slash + 1)..];
        return name.Length is > 0 and <= 63 && LabelValuePattern().IsMatch(name);
    }

    public static bool IsLabelValue(string value) => value.Length == 0 || (value.Length <= 63 && LabelValuePattern().IsMatch(value));

    /// <summary>A namespace in an access-policy scope: a DNS label that may use '*' wildcards (dev-*).</summary>
    public static bool IsNamespacePattern(string value) => value.Length is > 0 and <= 63 && NamespacePatternPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DnsSubdomainPattern();

    [GeneratedRegex("^[A-Za-z0-9+=,.@_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IamNamePattern();

    [GeneratedRegex("^(/|/[\u0021-\u007E]+/)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex IamPathPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClusterNamePattern();

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE])?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex QuantityPattern();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LabelValuePattern();

    [GeneratedRegex(@"^[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NamespacePatternPattern();
}
