namespace EksAccess.Core.Migration;

/// <summary>
/// What IAM said about a mapped principal, asked in the account of its ARN (iam:GetRole / iam:GetUser by name):
/// its real ARN (with the path aws-auth cannot hold) and unique id, that it no longer exists, or why it could not be asked.
/// </summary>
public sealed record PrincipalLookup(PrincipalLookupState State, string? Arn, string? UniqueId, string? Reason)
{
    public static PrincipalLookup Found(string arn, string? uniqueId) => new(PrincipalLookupState.Found, arn, uniqueId, null);

    public static PrincipalLookup NotFound(string reason) => new(PrincipalLookupState.NotFound, null, null, reason);

    public static PrincipalLookup Unresolvable(string reason) => new(PrincipalLookupState.Unresolvable, null, null, reason);
}
