using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;
using EksAccess.Core.Identity;

namespace EksAccess.Core.AwsAuth;

/// <summary>
/// One kept entry of aws-auth <c>mapUsers</c>. <see cref="Index"/> is its 0-based position in the section as written,
/// <see cref="Location"/> where it starts in the snapshot. <see cref="Username"/> is null when the entry sets none.
/// </summary>
public sealed record AwsAuthUserMapping(int Index, string UserArn, string? Username, ImmutableArray<string> Groups, SourceLocation Location)
{
    public const string Section = AwsAuthNames.MapUsers;

    /// <summary>One line naming the entry, e.g. <c>aws-auth mapUsers[0] userarn arn:aws:iam::111122223333:user/dev-john (snap/aws-auth.yaml:20)</c>.</summary>
    public string Describe() => $"aws-auth {Section}[{Index}] userarn {UserArn}{AwsAuthLocator.Suffix(Location)}";
}
