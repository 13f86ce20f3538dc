using System.Collections.Immutable;
using EksAccess.Core.Config;

namespace EksAccess.Core.Desired;

/// <summary>
/// IAM group memberships the config asks for: <c>iam.users[].groups</c> and <c>iam.groups[].members</c>, merged. Users
/// in iam.users order, then members named only under a group; each user's groups in first-mention order.
/// </summary>
internal static class IamMemberships
{
    public static ImmutableArray<(string User, ImmutableArray<string> Groups)> ByUser(IamConfig iam)
    {
        ArgumentNullException.ThrowIfNull(iam);
        var order = new List<string>();
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        void Add(string user, string group)
        {
            if (!groups.TryGetValue(user, out var list))
            {
                list = [];
                groups.Add(user, list);
                order.Add(user);
            }

            if (!list.Contains(group, StringComparer.Ordinal))
            {
                list.Add(group);
            }
        }

        foreach (var user in iam.Users)
        {
            foreach (var group in iam.Groups.Where(g => g.Members.Contains(user.Name, StringComparer.Ordinal)))
            {
                Add(user.Name, group.Name);
            }

            foreach (var group in user.Groups)
            {
                Add(user.Name, group);
            }
        }

        foreach (var group in iam.Groups)
        {
            foreach (var member in group.Members)
            {
                Add(member, group.Name);
            }
        }

        return [.. order.Select(user => (user, groups[user].ToImmutableArray()))];
    }
}
