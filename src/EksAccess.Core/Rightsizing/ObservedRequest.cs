using System.Collections.Immutable;
using EksAccess.Core.Audit;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// One distinct request the subject made, as the authorizer saw it (the log's username and groups, the canonical
/// principal whose access policies applied), with how often and when last. <see cref="DecidedBy"/> is the grant the
/// first audit reason named (null for a denial or a reason this tool cannot read).
/// </summary>
public sealed record ObservedRequest(AccessRequest Request, string Username, ImmutableArray<string> Groups, string? PrincipalArn)
{
    public long Count { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    public AuditGrant? DecidedBy { get; set; }

    public UserInfo User => new(Username, Groups);
}
