namespace EksAccess.Core.Revocation;

/// <summary>
/// One way in that revoke found: what it is (<see cref="Description"/>, one line), whether eksaccess may remove it
/// (<see cref="Removable"/>; else <see cref="Reason"/> says why not and what to do), and the identifiers the removal
/// needs (<see cref="Target"/>: the principal ARN, group name or access key id).
/// </summary>
public sealed record AccessPath(AccessPathKind Kind, string Description, string Target, bool Removable, string? Reason = null)
{
    /// <summary>Whether this path lets the principal into the cluster (an access key alone does not: it is a credential).</summary>
    public bool GrantsAccess => Kind != AccessPathKind.AccessKey;
}
