using System.Collections.Immutable;

namespace EksAccess.Core.Identity;

/// <summary>
/// An EKS access entry as describe-access-entry prints it, plus its associated access policies.
/// <see cref="Username"/> is null when EKS would use its default for the type.
/// </summary>
public sealed record AccessEntry(
    string PrincipalArn,
    string Type,
    string? Username,
    ImmutableArray<string> KubernetesGroups,
    ImmutableArray<AssociatedAccessPolicy> AssociatedAccessPolicies)
{
    public const string StandardType = "STANDARD";

    public string? Source { get; init; }
}
