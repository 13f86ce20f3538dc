using System.Collections.Immutable;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;
using EksAccess.Aws.Iam;
using EksAccess.Aws.Iam.Model;
using EksAccess.Aws.Sts.Model;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Migration;
using EksAccess.Core.Planning;

namespace EksAccess.Aws.Access;

/// <summary>
/// Reads the AWS state an access config concerns into an <see cref="AwsObservedState"/>: the caller; the IAM users,
/// roles and groups the config names (by name: Get*, their inline policies, access keys where needed); the users and
/// roles tagged <c>managed-by=eksaccess</c> that the config no longer names (ListUsers/ListRoles, then their tags); the
/// cluster; its access entries with their policies. Every call goes through one semaphore, so at most
/// <c>maxConcurrency</c> are in flight, over the clients' shared connections.
/// </summary>
internal sealed class AwsStateReader : IDisposable
{
    private static readonly string[] ServicePaths = ["/aws-service-role/", "/aws-reserved/", "/service-role/"];

    private readonly AwsClients _clients;
    private readonly SemaphoreSlim _gate;

    public AwsStateReader(AwsClients clients, int maxConcurrency = 8)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _clients = clients;
        _gate = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    public void Dispose() => _gate.Dispose();

    public async Task<AwsObservedState> ReadAsync(AccessConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var iam = config.Iam;
        var keyUsers = iam.Users.Where(u => u.CreateAccessKey).Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var configUsers = iam.Users.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var configRoles = iam.Roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        var caller = Call(() => _clients.Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken));
        var users = Task.WhenAll(iam.Users.Select(u => ReadUserAsync(u.Name, keys: keyUsers.Contains(u.Name), groups: false, cancellationToken)));
        var roles = Task.WhenAll(iam.Roles.Select(r => ReadRoleAsync(r.Name, cancellationToken)));
        var groups = Task.WhenAll(iam.Groups.Select(g => ReadGroupAsync(g.Name, cancellationToken)));
        var managedUsers = ReadManagedUsersAsync(configUsers, config.Cluster.ClusterArn, cancellationToken);
        var managedRoles = ReadManagedRolesAsync(configRoles, config.Cluster.ClusterArn, cancellationToken);
        var cluster = ReadClusterAsync(config.Cluster.Name, cancellationToken);
        await Task.WhenAll(caller, users, roles, groups, managedUsers, managedRoles, cluster);

        var observedGroups = (await groups).OfType<ObservedIamGroup>().ToImmutableArray();
        var observedUsers = (await users).OfType<ObservedIamUser>()
            .Select(u => u with { Groups = [.. observedGroups.Where(g => g.Members.Contains(u.Name, StringComparer.Ordinal)).Select(g => g.Name)] })
            .Concat(await managedUsers)
            .ToImmutableArray();
        var (observedCluster, entries) = await cluster;
        return new AwsObservedState
        {
            CallerArn = (await caller).Arn,
            Users = observedUsers,
            Roles = [.. (await roles).OfType<ObservedIamRole>(), .. await managedRoles],
            Groups = observedGroups,
            Cluster = observedCluster,
            AccessEntries = entries,
        };
    }

    /// <summary>
    /// One IAM user as revoke sees it: its groups (with their inline policies), its own inline policies and its access
    /// keys with their status; null when the user does not exist.
    /// </summary>
    public async Task<(ObservedIamUser User, ImmutableArray<ObservedIamGroup> Groups)?> ReadUserWithGroupsAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await ReadUserAsync(userName, keys: true, groups: true, cancellationToken, tags: false);
        if (user is null)
        {
            return null;
        }

        var groups = await Task.WhenAll(user.Groups.Select(async group => new ObservedIamGroup(group)
        {
            InlinePolicies = await ReadPoliciesAsync(
                () => Collect(_clients.Iam.ListGroupPoliciesAllAsync(new ListGroupPoliciesRequest { GroupName = group }, cancellationToken)),
                async policy => (await _clients.Iam.GetGroupPolicyAsync(new GetGroupPolicyRequest { GroupName = group, PolicyName = policy }, cancellationToken)).PolicyDocument),
        }));
        return (user, [.. groups]);
    }

    /// <summary>GetUser or GetRole by the ARN's name (a session's role); false on NoSuchEntity.</summary>
    public async Task<bool> PrincipalExistsAsync(string principalArn, CancellationToken cancellationToken)
    {
        var arn = IamPrincipalArn.Parse(principalArn).Canonicalize();
        try
        {
            if (arn.Kind == IamPrincipalKind.User)
            {
                await Call(() => _clients.Iam.GetUserAsync(new GetUserRequest { UserName = arn.Name }, cancellationToken));
            }
            else
            {
                await Call(() => _clients.Iam.GetRoleAsync(new GetRoleRequest { RoleName = arn.Name }, cancellationToken));
            }

            return true;
        }
        catch (AwsServiceException ex) when (IsNoSuchEntity(ex))
        {
            return false;
        }
    }

    /// <summary>
    /// iam:GetRole / iam:GetUser by the name in <paramref name="principalArn"/>, asked with these credentials: the ARN IAM
    /// returns (with its path) and the RoleId/UserId; NotFound when IAM has no such principal. An answer from another
    /// account than the ARN's is never taken (that is how a name gets silently rewritten to a same-named local role).
    /// </summary>
    public async Task<PrincipalLookup> LookupPrincipalAsync(string principalArn, CancellationToken cancellationToken)
    {
        var arn = IamPrincipalArn.Parse(principalArn).Canonicalize();
        try
        {
            var (found, id) = arn.Kind == IamPrincipalKind.User
                ? await Call(async () => (await _clients.Iam.GetUserAsync(new GetUserRequest { UserName = arn.Name }, cancellationToken)).User is { } user ? (user.Arn, user.UserId) : (null, null))
                : await Call(async () => (await _clients.Iam.GetRoleAsync(new GetRoleRequest { RoleName = arn.Name }, cancellationToken)).Role is { } role ? (role.Arn, role.RoleId) : (null, null));
            if (found is null || !IamPrincipalArn.TryParse(found, out var real, out _))
            {
                return PrincipalLookup.Unresolvable($"IAM answered {arn.Name} without an ARN");
            }

            return string.Equals(real.AccountId, arn.AccountId, StringComparison.Ordinal)
                ? PrincipalLookup.Found(real.Value, id)
                : PrincipalLookup.Unresolvable($"the credentials used are of account {real.AccountId}, not {arn.AccountId}: give --assume-role-in {arn.AccountId}=ROLE_ARN");
        }
        catch (AwsServiceException ex) when (IsNoSuchEntity(ex))
        {
            return PrincipalLookup.NotFound($"iam:{(arn.Kind == IamPrincipalKind.User ? "GetUser" : "GetRole")} {arn.Name} in account {arn.AccountId}: NoSuchEntity");
        }
    }

    /// <summary>DescribeCluster; a missing cluster throws (ResourceNotFoundException).</summary>
    public async Task<ObservedCluster> DescribeClusterAsync(string clusterName, CancellationToken cancellationToken)
    {
        var described = await Call(() => _clients.Eks.DescribeClusterAsync(new DescribeClusterRequest { Name = clusterName }, cancellationToken));
        return ToObserved(clusterName, described.Cluster);
    }

    /// <summary>DescribeCluster (null when it does not exist) and, outside CONFIG_MAP mode, every access entry with its policies.</summary>
    public async Task<(ObservedCluster? Cluster, ImmutableArray<ObservedAccessEntry> Entries)> ReadClusterAsync(string clusterName, CancellationToken cancellationToken)
    {
        ObservedCluster cluster;
        try
        {
            cluster = await DescribeClusterAsync(clusterName, cancellationToken);
        }
        catch (AwsServiceException ex) when (string.Equals(ex.ErrorCode, "ResourceNotFoundException", StringComparison.Ordinal))
        {
            return (null, []);
        }

        if (cluster.AuthenticationMode is null or Core.Identity.AuthenticationMode.ConfigMap)
        {
            return (cluster, []);
        }

        var principals = new List<string>();
        var request = new ListAccessEntriesRequest { ClusterName = clusterName, MaxResults = 100 };
        await foreach (var page in _clients.Eks.ListAccessEntriesPagesAsync(request, cancellationToken))
        {
            principals.AddRange(page.AccessEntries ?? []);
        }

        var entries = await Task.WhenAll(principals.Select(p => ReadEntryAsync(clusterName, p, cancellationToken)));
        return (cluster, [.. entries.OfType<ObservedAccessEntry>()]);
    }

    private static ObservedCluster ToObserved(string clusterName, Cluster? cluster)
    {
        var mode = AuthenticationModes.TryParse(cluster?.AccessConfig?.AuthenticationMode, out var parsed) ? parsed : null;
        return new ObservedCluster(cluster?.Name ?? clusterName)
        {
            Arn = cluster?.Arn,
            Status = cluster?.Status,
            Version = cluster?.Version,
            Endpoint = cluster?.Endpoint,
            PlatformVersion = cluster?.PlatformVersion,
            CertificateAuthorityData = cluster?.CertificateAuthority?.Data,
            ReportedAuthenticationMode = cluster?.AccessConfig?.AuthenticationMode,
            AuthenticationMode = mode,
            EnabledLogTypes =
            [
                .. (cluster?.Logging?.ClusterLogging ?? [])
                    .Where(l => l.Enabled == true)
                    .SelectMany(l => l.Types ?? [])
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal),
            ],
        };
    }

    private async Task<ObservedAccessEntry?> ReadEntryAsync(string clusterName, string principalArn, CancellationToken cancellationToken)
    {
        var describe = Call(() => _clients.Eks.DescribeAccessEntryAsync(new DescribeAccessEntryRequest { ClusterName = clusterName, PrincipalArn = principalArn }, cancellationToken));
        var policies = Call(async () =>
        {
            var list = new List<Core.Identity.AssociatedAccessPolicy>();
            var request = new ListAssociatedAccessPoliciesRequest { ClusterName = clusterName, PrincipalArn = principalArn, MaxResults = 100 };
            await foreach (var policy in _clients.Eks.ListAssociatedAccessPoliciesAllAsync(request, cancellationToken))
            {
                list.Add(WireMapping.ToCore(policy));
            }

            return list;
        });
        try
        {
            await Task.WhenAll(describe, policies);
        }
        catch (AwsServiceException ex) when (string.Equals(ex.ErrorCode, "ResourceNotFoundException", StringComparison.Ordinal))
        {
            return null; // deleted between the list and the describe
        }

        var entry = (await describe).AccessEntry;
        return new ObservedAccessEntry(principalArn)
        {
            Type = AccessEntryDefaults.NormalizeType(entry?.Type),
            Username = entry?.Username,
            KubernetesGroups = [.. entry?.KubernetesGroups ?? []],
            Tags = Sorted(entry?.Tags ?? []),
            AssociatedAccessPolicies = [.. await policies],
        };
    }

    private async Task<ObservedIamUser?> ReadUserAsync(string name, bool keys, bool groups, CancellationToken cancellationToken, bool tags = true)
    {
        User? user;
        try
        {
            user = (await Call(() => _clients.Iam.GetUserAsync(new GetUserRequest { UserName = name }, cancellationToken))).User;
        }
        catch (AwsServiceException ex) when (IsNoSuchEntity(ex))
        {
            return null;
        }

        var userTags = user?.Tags is { Count: > 0 } listed
            ? Task.FromResult(ToTags(listed))
            : tags
                ? Call(async () => ToTags(await Collect(_clients.Iam.ListUserTagsAllAsync(new ListUserTagsRequest { UserName = name }, cancellationToken))))
                : Task.FromResult(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));
        var policies = ReadPoliciesAsync(
            () => Collect(_clients.Iam.ListUserPoliciesAllAsync(new ListUserPoliciesRequest { UserName = name }, cancellationToken)),
            async policy => (await _clients.Iam.GetUserPolicyAsync(new GetUserPolicyRequest { UserName = name, PolicyName = policy }, cancellationToken)).PolicyDocument);
        var accessKeys = keys
            ? Call(() => Collect(_clients.Iam.ListAccessKeysAllAsync(new ListAccessKeysRequest { UserName = name }, cancellationToken)))
            : Task.FromResult(new List<AccessKeyMetadata>());
        var memberOf = groups
            ? Call(async () => (await Collect(_clients.Iam.ListGroupsForUserAllAsync(new ListGroupsForUserRequest { UserName = name }, cancellationToken))).Select(g => g.GroupName ?? "").ToImmutableArray())
            : Task.FromResult(ImmutableArray<string>.Empty);
        await Task.WhenAll(userTags, policies, accessKeys, memberOf);
        return new ObservedIamUser(name)
        {
            Path = user?.Path ?? "/",
            Arn = user?.Arn,
            Tags = await userTags,
            InlinePolicies = await policies,
            AccessKeyIds = [.. (await accessKeys).Select(k => k.AccessKeyId ?? "")],
            InactiveAccessKeyIds = [.. (await accessKeys).Where(k => !string.Equals(k.Status, StatusType.Active, StringComparison.Ordinal)).Select(k => k.AccessKeyId ?? "")],
            Groups = await memberOf,
        };
    }

    private async Task<ObservedIamRole?> ReadRoleAsync(string name, CancellationToken cancellationToken)
    {
        Role? role;
        try
        {
            role = (await Call(() => _clients.Iam.GetRoleAsync(new GetRoleRequest { RoleName = name }, cancellationToken))).Role;
        }
        catch (AwsServiceException ex) when (IsNoSuchEntity(ex))
        {
            return null;
        }

        var tags = role?.Tags is { Count: > 0 } listed
            ? Task.FromResult(ToTags(listed))
            : Call(async () => ToTags(await Collect(_clients.Iam.ListRoleTagsAllAsync(new ListRoleTagsRequest { RoleName = name }, cancellationToken))));
        var policies = ReadPoliciesAsync(
            () => Collect(_clients.Iam.ListRolePoliciesAllAsync(new ListRolePoliciesRequest { RoleName = name }, cancellationToken)),
            async policy => (await _clients.Iam.GetRolePolicyAsync(new GetRolePolicyRequest { RoleName = name, PolicyName = policy }, cancellationToken)).PolicyDocument);
        await Task.WhenAll(tags, policies);
        return new ObservedIamRole(name)
        {
            Path = role?.Path ?? "/",
            Arn = role?.Arn,
            AssumeRolePolicyDocument = role?.AssumeRolePolicyDocument,
            MaxSessionDuration = role?.MaxSessionDuration ?? 3600,
            Tags = await tags,
            InlinePolicies = await policies,
        };
    }

    private async Task<ObservedIamGroup?> ReadGroupAsync(string name, CancellationToken cancellationToken)
    {
        Group? group = null;
        var members = new List<string>();
        try
        {
            await Call(async () =>
            {
                await foreach (var page in _clients.Iam.GetGroupPagesAsync(new GetGroupRequest { GroupName = name }, cancellationToken))
                {
                    group ??= page.Group;
                    members.AddRange((page.Users ?? []).Select(u => u.UserName ?? ""));
                }

                return true;
            });
        }
        catch (AwsServiceException ex) when (IsNoSuchEntity(ex))
        {
            return null;
        }

        var policies = await ReadPoliciesAsync(
            () => Collect(_clients.Iam.ListGroupPoliciesAllAsync(new ListGroupPoliciesRequest { GroupName = name }, cancellationToken)),
            async policy => (await _clients.Iam.GetGroupPolicyAsync(new GetGroupPolicyRequest { GroupName = name, PolicyName = policy }, cancellationToken)).PolicyDocument);
        return new ObservedIamGroup(name)
        {
            Path = group?.Path ?? "/",
            Arn = group?.Arn,
            Members = [.. members.Distinct(StringComparer.Ordinal)],
            InlinePolicies = policies,
        };
    }

    private async Task<ImmutableArray<ObservedIamUser>> ReadManagedUsersAsync(HashSet<string> configUsers, string clusterArn, CancellationToken cancellationToken)
    {
        var others = (await Call(() => Collect(_clients.Iam.ListUsersAllAsync(new ListUsersRequest { MaxItems = 1000 }, cancellationToken))))
            .Where(u => u.UserName is not null && !configUsers.Contains(u.UserName))
            .ToList();
        var owned = await Task.WhenAll(others.Select(async user =>
        {
            var tags = user.Tags is { Count: > 0 } listed && AwsOwnership.IsManaged(ToTags(listed))
                ? ToTags(listed)
                : ToTags(await Call(() => Collect(_clients.Iam.ListUserTagsAllAsync(new ListUserTagsRequest { UserName = user.UserName }, cancellationToken))));
            return AwsOwnership.IsOwnedBy(tags, clusterArn) ? user.UserName : null;
        }));
        var read = await Task.WhenAll(owned.OfType<string>().Select(name => ReadUserAsync(name, keys: true, groups: true, cancellationToken)));
        return [.. read.OfType<ObservedIamUser>()];
    }

    private async Task<ImmutableArray<ObservedIamRole>> ReadManagedRolesAsync(HashSet<string> configRoles, string clusterArn, CancellationToken cancellationToken)
    {
        var others = (await Call(() => Collect(_clients.Iam.ListRolesAllAsync(new ListRolesRequest { MaxItems = 1000 }, cancellationToken))))
            .Where(r => r.RoleName is not null && !configRoles.Contains(r.RoleName))
            .Where(r => !ServicePaths.Any(p => (r.Path ?? "/").StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        var owned = await Task.WhenAll(others.Select(async role =>
        {
            var tags = role.Tags is { Count: > 0 } listed && AwsOwnership.IsManaged(ToTags(listed))
                ? ToTags(listed)
                : ToTags(await Call(() => Collect(_clients.Iam.ListRoleTagsAllAsync(new ListRoleTagsRequest { RoleName = role.RoleName }, cancellationToken))));
            return AwsOwnership.IsOwnedBy(tags, clusterArn) ? role.RoleName : null;
        }));
        var read = await Task.WhenAll(owned.OfType<string>().Select(name => ReadRoleAsync(name, cancellationToken)));
        return [.. read.OfType<ObservedIamRole>()];
    }

    private async Task<ImmutableSortedDictionary<string, string>> ReadPoliciesAsync(Func<Task<List<string>>> names, Func<string, Task<string?>> get)
    {
        var list = await Call(names);
        var documents = await Task.WhenAll(list.Select(async name => (Name: name, Document: await Call(() => get(name)))));
        return documents.ToImmutableSortedDictionary(d => d.Name, d => d.Document ?? "", StringComparer.Ordinal);
    }

    /// <summary>Runs one call (or one paged listing) while holding a slot of the semaphore.</summary>
    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        await _gate.WaitAsync();
        try
        {
            return await call();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static bool IsNoSuchEntity(AwsServiceException exception) =>
        string.Equals(exception.ErrorCode, "NoSuchEntity", StringComparison.Ordinal) || string.Equals(exception.ErrorCode, "NoSuchEntityException", StringComparison.Ordinal);

    private static ImmutableSortedDictionary<string, string> ToTags(IEnumerable<Tag> tags) =>
        tags.Where(t => t.Key is not null).DistinctBy(t => t.Key, StringComparer.Ordinal).ToImmutableSortedDictionary(t => t.Key!, t => t.Value ?? "", StringComparer.Ordinal);

    private static ImmutableSortedDictionary<string, string> Sorted(Dictionary<string, string> tags) =>
        tags.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
