using System.Collections.Immutable;

namespace EksAccess.Core.Identity;

/// <summary>
/// What EKS fills in for an access entry (docs/reference/eks-semantics.md §b): the documented types, their default username and
/// groups, and the restrictions on custom usernames and groups of STANDARD entries.
/// </summary>
public static class AccessEntryDefaults
{
    public const string Standard = AccessEntry.StandardType;
    public const string Ec2Linux = "EC2_LINUX";
    public const string Ec2Windows = "EC2_WINDOWS";
    public const string FargateLinux = "FARGATE_LINUX";
    public const string HybridLinux = "HYBRID_LINUX";
    public const string Ec2 = "EC2";
    public const string HyperpodLinux = "HYPERPOD_LINUX";

    public const string Ec2NodeUsername = "system:node:{{EC2PrivateDNSName}}";
    public const string SessionNodeUsername = "system:node:{{SessionName}}";
    public const string NodesGroup = "system:nodes";

    public static ImmutableArray<string> KnownTypes { get; } = [Standard, Ec2Linux, Ec2Windows, FargateLinux, HybridLinux, Ec2, HyperpodLinux];

    /// <summary>Prefixes a custom username of a STANDARD entry may not start with (CreateAccessEntry refuses them).</summary>
    public static ImmutableArray<string> ReservedUsernamePrefixes { get; } = ["system:", "eks:", "aws:", "amazon:", "iam:"];

    /// <summary>kubernetesGroups of a STANDARD entry may not start with this (CreateAccessEntry refuses them).</summary>
    public const string ReservedGroupPrefix = "system:";

    /// <summary>
    /// The type as EKS spells it: STANDARD when omitted; a documented type in upper case whatever the input case;
    /// any other value as written (the API's type is a free string).
    /// </summary>
    public static string NormalizeType(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return Standard;
        }

        var known = KnownTypes.FirstOrDefault(candidate => string.Equals(candidate, type.Trim(), StringComparison.OrdinalIgnoreCase));
        return known ?? type;
    }

    public static bool IsKnownType(string? type) => KnownTypes.Contains(NormalizeType(type), StringComparer.Ordinal);

    public static bool IsStandard(string? type) => string.Equals(NormalizeType(type), Standard, StringComparison.Ordinal);

    /// <summary>
    /// The username EKS gives an entry of <paramref name="type"/> for <paramref name="principal"/> when none is set,
    /// or null when no default is documented (EC2 Auto Mode, HYPERPOD_LINUX, unknown types) or the principal
    /// cannot hold such an entry.
    /// </summary>
    public static string? Username(string? type, IamPrincipalArn principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return NormalizeType(type) switch
        {
            Standard => principal.Kind switch
            {
                IamPrincipalKind.User => principal.Value,
                // The role path is removed: STS never puts it in a session ARN.
                IamPrincipalKind.Role => $"arn:{principal.Partition}:sts::{principal.AccountId}:assumed-role/{principal.Name}/{UsernameTemplate.SessionName}",
                _ => null,
            },
            Ec2Linux or Ec2Windows => principal.Kind == IamPrincipalKind.Role ? Ec2NodeUsername : null,
            FargateLinux or HybridLinux => principal.Kind == IamPrincipalKind.Role ? SessionNodeUsername : null,
            // UNSURE (docs/reference/eks-semantics.md §b): EKS does not document the username of EC2 (Auto Mode) or HYPERPOD_LINUX entries.
            _ => null,
        };
    }

    /// <summary>
    /// The groups EKS gives an entry of <paramref name="type"/> when the snapshot lists none. Only EC2_LINUX and
    /// EC2_WINDOWS are documented (<c>system:nodes</c>); FARGATE_LINUX and HYBRID_LINUX are UNSURE and get no groups
    /// (the safer answer); STANDARD entries have exactly their kubernetesGroups.
    /// </summary>
    public static ImmutableArray<string> Groups(string? type) => NormalizeType(type) switch
    {
        Ec2Linux or Ec2Windows => [NodesGroup],
        _ => [],
    };

    /// <summary>Why EKS would refuse <paramref name="username"/> as the custom username of a STANDARD entry, or null.</summary>
    public static string? UsernameRestriction(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        var reserved = ReservedUsernamePrefixes.FirstOrDefault(prefix => username.StartsWith(prefix, StringComparison.Ordinal));
        if (reserved is not null)
        {
            return $"a custom username may not start with '{reserved}'";
        }

        var session = username.IndexOf("{{SessionName", StringComparison.Ordinal);
        if (session >= 0 && username.LastIndexOf(':', session) < 0)
        {
            return "a username using {{SessionName}} or {{SessionNameRaw}} needs a ':' before the placeholder";
        }

        return null;
    }
}
