using System.Collections.Immutable;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Evaluation;

/// <summary>
/// What kube-apiserver's impersonation filter builds from <c>kubectl --as/--as-group</c> (docs/reference/rbac-semantics.md §1):
/// a service-account user without --as-group gets its two SA groups; a non-anonymous user gets
/// system:authenticated unless system:authenticated or system:unauthenticated is listed; system:anonymous gets
/// system:unauthenticated.
/// </summary>
public static class Impersonation
{
    public const string Authenticated = "system:authenticated";
    public const string Unauthenticated = "system:unauthenticated";
    public const string Anonymous = "system:anonymous";
    private const string ServiceAccountPrefix = "system:serviceaccount:";

    public static UserInfo BuildUser(string user, IReadOnlyList<string> asGroups)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(asGroups);
        var groups = ImmutableArray.CreateBuilder<string>();
        groups.AddRange(asGroups);
        if (asGroups.Count == 0 && TrySplitServiceAccount(user, out var saNamespace))
        {
            groups.Add("system:serviceaccounts");
            groups.Add("system:serviceaccounts:" + saNamespace);
        }

        if (string.Equals(user, Anonymous, StringComparison.Ordinal))
        {
            if (!groups.Contains(Unauthenticated, StringComparer.Ordinal))
            {
                groups.Add(Unauthenticated);
            }
        }
        else if (!groups.Contains(Authenticated, StringComparer.Ordinal) && !groups.Contains(Unauthenticated, StringComparer.Ordinal))
        {
            groups.Add(Authenticated);
        }

        return new UserInfo(user, groups.ToImmutable());
    }

    /// <summary>system:serviceaccount:NS:NAME with both parts non-empty (serviceaccount.SplitUsername).</summary>
    public static bool TrySplitServiceAccount(string user, out string @namespace)
    {
        @namespace = "";
        if (!user.StartsWith(ServiceAccountPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = user[ServiceAccountPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == rest.Length - 1 || rest.IndexOf(':', colon + 1) >= 0)
        {
            return false;
        }

        @namespace = rest[..colon];
        return true;
    }
}
