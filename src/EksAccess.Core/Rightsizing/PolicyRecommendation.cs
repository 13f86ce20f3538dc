using EksAccess.Core.Identity;

namespace EksAccess.Core.Rightsizing;

/// <summary>
/// What to do with one access-policy association: keep it, narrow it to <see cref="Suggested"/> (a narrower policy
/// or scope that still covers every request it allowed), remove it (it allowed nothing the window showed), or replace
/// it with the suggested RBAC objects (no policy covers the use without a sensitive permission it never used).
/// </summary>
public sealed record PolicyRecommendation(string PrincipalArn, AssociatedAccessPolicy Current, AssociatedAccessPolicy? Suggested, string Action)
{
    public const string Keep = "keep";
    public const string Narrow = "narrow";
    public const string Remove = "remove";
    public const string ReplaceWithRbac = "replace with RBAC";
}
