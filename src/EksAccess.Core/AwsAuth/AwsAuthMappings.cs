using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.AwsAuth;

/// <summary>
/// The aws-auth ConfigMap as aws-iam-authenticator reads it: the entries it keeps, in document order (duplicates
/// included; the resolver applies the authenticator's last-wins rules), and a diagnostic for everything it drops,
/// ignores or can never match.
/// </summary>
public sealed record AwsAuthMappings(
    ImmutableArray<AwsAuthRoleMapping> MapRoles,
    ImmutableArray<AwsAuthUserMapping> MapUsers,
    ImmutableArray<string> MapAccounts,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public static AwsAuthMappings Empty { get; } = new([], [], [], []);

    /// <summary>The items of <see cref="MapAccounts"/> with their positions.</summary>
    public ImmutableArray<AwsAuthAccountMapping> AccountMappings { get; init; } = [];

    /// <summary>
    /// Sections that could not be read at all (a YAML error, or nesting past the input limit): every entry of such a
    /// section is dropped while the other sections still map. Also in <see cref="Diagnostics"/>; commands warn about them.
    /// </summary>
    public ImmutableArray<Diagnostic> UnreadableSections { get; init; } = [];
}
