using System.Collections.Immutable;
using EksAccess.Core.Identity;

namespace EksAccess.Core.Authorization;

/// <summary>
/// Who asks: the Kubernetes identity and the EKS access policies of the principal's access entry. Policies belong to
/// the access entry (the IAM principal), never to a username or group, so an aws-auth mapping or an impersonated
/// identity (<c>--as</c>) has none.
/// </summary>
public sealed record AuthorizationSubject(UserInfo User, ImmutableArray<AssociatedAccessPolicy> AccessPolicies)
{
    public static AuthorizationSubject WithoutAccessPolicies(UserInfo user) => new(user, []);
}
