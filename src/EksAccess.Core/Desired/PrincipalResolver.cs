using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Desired;

/// <summary>
/// Resolves the principals an <see cref="AccessConfig"/> names (team members and admins: config user or role names,
/// or ARNs) into <see cref="DesiredPrincipal"/>s. Every renderer and the planner share this one resolution.
/// </summary>
public static class PrincipalResolver
{
    public const string ClusterAdminPolicyName = "AmazonEKSClusterAdminPolicy";

    /// <summary>
    /// The principal ARN for a team member or admin: a config user → <c>arn:P:iam::ACCT:user{path}{name}</c>, a config
    /// role → <c>arn:P:iam::ACCT:role{path}{name}</c>, an ARN as it is. Users are looked up before roles.
    /// </summary>
    /// <exception cref="ArgumentException">The name is neither a config user, a config role nor an ARN (validation reports this first).</exception>
    public static string PrincipalArn(AccessConfig config, string memberOrArn)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(memberOrArn);
        if (memberOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return memberOrArn;
        }

        var user = config.Iam.Users.FirstOrDefault(u => string.Equals(u.Name, memberOrArn, StringComparison.Ordinal));
        if (user is not null)
        {
            return UserArn(config.Cluster, user);
        }

        var role = config.Iam.Roles.FirstOrDefault(r => string.Equals(r.Name, memberOrArn, StringComparison.Ordinal));
        if (role is not null)
        {
            return RoleArn(config.Cluster, role);
        }

        throw new ArgumentException($"'{memberOrArn}' is neither an iam user, an iam role nor an ARN", nameof(memberOrArn));
    }

    public static string UserArn(ClusterConfig cluster, IamUserConfig user)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(user);
        return $"arn:{cluster.Partition}:iam::{cluster.AccountId}:user{NormalizePath(user.Path)}{user.Name}";
    }

    public static string RoleArn(ClusterConfig cluster, IamRoleConfig role)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(role);
        return $"arn:{cluster.Partition}:iam::{cluster.AccountId}:role{NormalizePath(role.Path)}{role.Name}";
    }

    /// <summary>An IAM path as it appears in an ARN: starts and ends with '/' ("/" when empty).</summary>
    public static string NormalizePath(string? path)
    {
        if (string.IsNullOrEmpty(path) || string.Equals(path, "/", StringComparison.Ordinal))
        {
            return "/";
        }

        var start = path.StartsWith('/') ? path : "/" + path;
        return start.EndsWith('/') ? start : start + "/";
    }

    /// <summary>User or role from an IAM ARN (<c>arn:P:iam::A:user/…</c> or <c>…:role/…</c>); null for anything else.</summary>
    public static IamPrincipalKind? KindOf(string principalArn)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        var resource = ResourceOf(principalArn);
        if (resource is null)
        {
            return null;
        }

        if (resource.StartsWith("user/", StringComparison.Ordinal))
        {
            return IamPrincipalKind.User;
        }

        return resource.StartsWith("role/", StringComparison.Ordinal) ? IamPrincipalKind.Role : null;
    }

    /// <summary>The IAM user or role name: the ARN's last '/'-separated segment.</summary>
    public static string IamNameOf(string principalArn)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        var slash = principalArn.LastIndexOf('/');
        return slash < 0 ? principalArn : principalArn[(slash + 1)..];
    }

    /// <summary>
    /// The ARN as aws-auth must list it: a role ARN with its path removed (STS assumed-role ARNs, which the
    /// authenticator canonicalizes, never carry the path, so a rolearn with a path never matches); anything else as it is.
    /// </summary>
    public static string AwsAuthArn(string principalArn)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        if (KindOf(principalArn) != IamPrincipalKind.Role)
        {
            return principalArn;
        }

        var arn = AwsArn.ParseOrNull(principalArn)!;
        return (arn with { Resource = "role/" + arn.ResourceName }).ToString();
    }

    /// <summary>A short access-policy name expanded to <c>arn:P:eks::aws:cluster-access-policy/NAME</c>; an ARN as it is.</summary>
    public static string AccessPolicyArn(string partition, string nameOrArn)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(nameOrArn);
        return nameOrArn.StartsWith("arn:", StringComparison.Ordinal)
            ? nameOrArn
            : $"arn:{partition}:eks::aws:cluster-access-policy/{nameOrArn}";
    }

    /// <summary>
    /// Every principal the config maps into the cluster, in config order (first mention: teams' members in order,
    /// then admins), one per principal ARN.
    /// </summary>
    public static ImmutableArray<DesiredPrincipal> Resolve(AccessConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var declared = DeclaredPrincipals(config);
        var order = new List<string>();
        var builders = new Dictionary<string, Builder>(StringComparer.Ordinal);

        Builder Get(string arn, SourceLocation location)
        {
            if (!builders.TryGetValue(arn, out var builder))
            {
                builder = new Builder(location);
                builders.Add(arn, builder);
                order.Add(arn);
            }

            return builder;
        }

        foreach (var team in config.Teams)
        {
            foreach (var member in team.Members)
            {
                var builder = Get(PrincipalArn(config, member), team.Location);
                var memberExpiry = team.MemberExpiries.GetValueOrDefault(member)?.At;
                builder.Entry.Add(memberExpiry);
                builder.Groups.Add(team.KubernetesGroup);
                if (!builder.Teams.Contains(team.Name, StringComparer.Ordinal))
                {
                    builder.Teams.Add(team.Name);
                }

                foreach (var policy in team.AccessPolicies)
                {
                    builder.AddPolicy(AccessPolicyArn(config.Cluster.Partition, policy.PolicyArn), policy.AccessScope, Earlier(memberExpiry, policy.Expires?.At));
                }
            }
        }

        foreach (var admin in config.Admins)
        {
            var builder = Get(PrincipalArn(config, admin.Principal), admin.Location);
            builder.IsAdmin = true;
            builder.AdminUsername ??= admin.Username;
            builder.Entry.Add(admin.Expires?.At);
            builder.AddPolicy(AccessPolicyArn(config.Cluster.Partition, ClusterAdminPolicyName), AccessScope.Cluster, admin.Expires?.At);
        }

        var result = ImmutableArray.CreateBuilder<DesiredPrincipal>(order.Count);
        foreach (var arn in order)
        {
            var builder = builders[arn];
            var kind = KindOf(arn) ?? throw new ArgumentException($"'{arn}' is not an IAM user or role ARN (arn:PARTITION:iam::ACCOUNT:user/NAME or role/NAME)", nameof(config));
            declared.TryGetValue(arn, out var entity);
            var username = builder.AdminUsername ?? entity.Username;
            var iamName = IamNameOf(arn);
            result.Add(new DesiredPrincipal
            {
                PrincipalArn = arn,
                Kind = kind,
                IamName = iamName,
                ConfigName = entity.Name,
                Username = username,
                AwsAuthArn = AwsAuthArn(arn),
                AwsAuthUsername = string.IsNullOrEmpty(username) ? iamName : username,
                KubernetesGroups = [.. builder.Groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                IsAdmin = builder.IsAdmin,
                AccessPolicies = builder.Policies(),
                ExpiresAt = builder.Entry.At,
                PolicyExpiresAt = builder.PolicyExpiries(),
                Teams = [.. builder.Teams],
                Location = builder.Location,
            });
        }

        return result.MoveToImmutable();
    }

    private static Dictionary<string, (string? Name, string? Username)> DeclaredPrincipals(AccessConfig config)
    {
        var declared = new Dictionary<string, (string? Name, string? Username)>(StringComparer.Ordinal);
        foreach (var user in config.Iam.Users)
        {
            declared.TryAdd(UserArn(config.Cluster, user), (user.Name, user.Username));
        }

        foreach (var role in config.Iam.Roles)
        {
            declared.TryAdd(RoleArn(config.Cluster, role), (role.Name, role.Username));
        }

        return declared;
    }

    /// <summary>The resource of an IAM ARN (<c>user/…</c>, <c>role/…</c>, …); null for anything else.</summary>
    /// <summary>The earlier of two expiries, null being never.</summary>
    private static DateTimeOffset? Earlier(DateTimeOffset? left, DateTimeOffset? right) =>
        left is null ? right : right is null ? left : (left < right ? left : right);

    private static string? ResourceOf(string arn) =>
        AwsArn.ParseOrNull(arn) is { Service: "iam" } parsed ? parsed.Resource : null;

    private sealed class Builder(SourceLocation location)
    {
        private readonly Dictionary<string, SortedSet<string>?> _policies = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Lifetime> _policyLifetimes = new(StringComparer.Ordinal);

        /// <summary>How long the access entry is wanted: as long as its longest-lived reason (a team membership or admin).</summary>
        public Lifetime Entry { get; } = new();

        public SourceLocation Location { get; } = location;
        public List<string> Groups { get; } = [];
        public List<string> Teams { get; } = [];
        public bool IsAdmin { get; set; }
        public string? AdminUsername { get; set; }

        /// <summary>Cluster scope (null set) wins over any namespace scope; namespace scopes are unioned.</summary>
        public void AddPolicy(string policyArn, AccessScope scope, DateTimeOffset? expiresAt)
        {
            if (!_policyLifetimes.TryGetValue(policyArn, out var lifetime))
            {
                lifetime = new Lifetime();
                _policyLifetimes.Add(policyArn, lifetime);
            }

            lifetime.Add(expiresAt);
            if (scope.IsCluster)
            {
                _policies[policyArn] = null;
                return;
            }

            if (_policies.TryGetValue(policyArn, out var existing))
            {
                existing?.UnionWith(scope.Namespaces);
                return;
            }

            _policies[policyArn] = new SortedSet<string>(scope.Namespaces, StringComparer.Ordinal);
        }

        public ImmutableDictionary<string, DateTimeOffset> PolicyExpiries() =>
            _policyLifetimes.Where(p => p.Value.At is not null).ToImmutableDictionary(p => p.Key, p => p.Value.At!.Value, StringComparer.Ordinal);

        public ImmutableArray<AssociatedAccessPolicy> Policies() =>
        [
            .. _policies
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new AssociatedAccessPolicy(
                    p.Key,
                    p.Value is null ? AccessScope.Cluster : new AccessScope(AccessScope.NamespaceType, [.. p.Value]))),
        ];
    }

    /// <summary>The union of reasons for wanting something: permanent if any reason is, else until the latest expiry.</summary>
    private sealed class Lifetime
    {
        private bool _permanent;
        private DateTimeOffset? _latest;

        /// <summary>When it stops being wanted; null: never.</summary>
        public DateTimeOffset? At => _permanent ? null : _latest;

        public void Add(DateTimeOffset? expiresAt)
        {
            if (expiresAt is null)
            {
                _permanent = true;
            }
            else if (_latest is null || expiresAt > _latest)
            {
                _latest = expiresAt;
            }
        }
    }
}
