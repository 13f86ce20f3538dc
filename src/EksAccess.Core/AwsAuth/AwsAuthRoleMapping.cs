using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;
using EksAccess.Core.Identity;

namespace EksAccess.Core.AwsAuth;

/// <summary>
/// One kept entry of aws-auth <c>mapRoles</c>. <see cref="Index"/> is its 0-based position in the section as written
/// (dropped entries keep their numbers), <see cref="Location"/> where it starts in the snapshot.
/// <see cref="Username"/> is null when the entry sets none (the authenticator then uses an empty username).
/// </summary>
public sealed record AwsAuthRoleMapping(int Index, string RoleArn, string? Username, ImmutableArray<string> Groups, SourceLocation Location)
{
    public const string Section = AwsAuthNames.MapRoles;

    /// <summary>One line naming the entry, e.g. <c>aws-auth mapRoles[1] rolearn arn:aws:iam::111122223333:role/Dev (snap/aws-auth.yaml:12)</c>.</summary>
    public string Describe() => $"aws-auth {Section}[{Index}] rolearn {RoleArn}{AwsAuthLocator.Suffix(Location)}";
}
