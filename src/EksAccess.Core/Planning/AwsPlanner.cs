using System.Collections.Immutable;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Planning;

/// <summary>
/// Plans the AWS half of an access config against what was read (<see cref="AwsObservedState"/>), in a safe order:
/// IAM users, groups and roles, their trust, session duration, tags, inline policies, memberships and access keys →
/// authentication mode (one way only; the last step to API after the access entries exist) → access entries → access
/// policies → deletes of what eksaccess owns and the config no longer wants. Each change names its API call and comes
/// with the <see cref="AwsAction"/> that makes it. What AWS echoes back (URL-encoded and reformatted documents, role
/// paths, EKS's default usernames, unordered lists) is normalised, so a plan of the applied state is empty.
/// Safety: nothing that is not tagged <c>managed-by=eksaccess</c> is deleted; removing the caller's own identity or
/// cluster-admin entry, or the last cluster-admin access entry, is refused unless forced; a mode change backwards and
/// a switch to API with no cluster-admin access entry are always refused.
/// </summary>
public static class AwsPlanner
{
    public static Plan Plan(AccessConfig config, AwsObservedState observed) => PlanActions(config, observed, force: false).Plan;

    public static Plan Plan(AccessConfig config, AwsObservedState observed, bool force) => PlanActions(config, observed, force).Plan;

    public static AwsPlan PlanActions(AccessConfig config, AwsObservedState observed, bool force) =>
        PlanActions(config, observed, force, DateTimeOffset.MinValue);

    /// <summary>
    /// Plans <paramref name="config"/> (as it stands at <paramref name="now"/>: see <see cref="ConfigExpiry"/>); entries and
    /// associations a grant tagged to expire after <paramref name="now"/> are left for prune, not deleted.
    /// </summary>
    public static AwsPlan PlanActions(AccessConfig config, AwsObservedState observed, bool force, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(observed);
        var planning = new Planning(config, observed, force, now);
        planning.PlanIam();
        planning.PlanCluster();
        planning.PlanIamDeletes();
        return planning.Build();
    }

    /// <summary>Whether the association is AmazonEKSClusterAdminPolicy at cluster scope (full cluster admin).</summary>
    public static bool IsClusterAdmin(AssociatedAccessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.PolicyArn.EndsWith(":cluster-access-policy/" + PrincipalResolver.ClusterAdminPolicyName, StringComparison.Ordinal)
            && policy.AccessScope.IsCluster;
    }

    /// <summary>Whether an access entry's principal is the caller: the same user ARN, or the role an assumed-role session comes from (any path).</summary>
    public static bool IsCaller(string? callerArn, string principalArn)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        if (callerArn is null || !IamPrincipalArn.TryParse(callerArn, out var caller, out _) || !IamPrincipalArn.TryParse(principalArn, out var principal, out _))
        {
            return false;
        }

        return caller.Kind switch
        {
            IamPrincipalKind.User => principal.Kind == IamPrincipalKind.User && string.Equals(caller.Value, principal.Value, StringComparison.Ordinal),
            IamPrincipalKind.AssumedRole or IamPrincipalKind.Role => principal.Kind == IamPrincipalKind.Role
                && string.Equals(caller.AccountId, principal.AccountId, StringComparison.Ordinal)
                && string.Equals(caller.Name, principal.Name, StringComparison.Ordinal),
            _ => false,
        };
    }

    private static string PolicyName(string policyArn)
    {
        var slash = policyArn.LastIndexOf('/');
        return slash < 0 ? policyArn : policyArn[(slash + 1)..];
    }

    private static string Scope(AccessScope scope) =>
        scope.IsCluster ? "cluster" : $"namespace [{string.Join(", ", SortedSet(scope.Namespaces))}]";

    private static bool SameScope(AccessScope left, AccessScope right) =>
        string.Equals(left.Type, right.Type, StringComparison.Ordinal)
        && (left.IsCluster || SortedSet(left.Namespaces).SequenceEqual(SortedSet(right.Namespaces), StringComparer.Ordinal));

    private static ImmutableArray<string> SortedSet(ImmutableArray<string> values) =>
        values.IsDefaultOrEmpty ? [] : [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string List(IEnumerable<string> values) => $"[{string.Join(", ", values)}]";

    private static string Tags(IEnumerable<KeyValuePair<string, string>> tags) =>
        string.Join(", ", tags.Select(t => $"{t.Key}={t.Value}"));

    private static (string Type, string Api) PolicyCall(IamEntityKind kind, bool delete) => kind switch
    {
        IamEntityKind.User => ("iam-user-policy", delete ? "iam:DeleteUserPolicy" : "iam:PutUserPolicy"),
        IamEntityKind.Role => ("iam-role-policy", delete ? "iam:DeleteRolePolicy" : "iam:PutRolePolicy"),
        _ => ("iam-group-policy", delete ? "iam:DeleteGroupPolicy" : "iam:PutGroupPolicy"),
    };

    private static string Noun(IamEntityKind kind) => kind switch
    {
        IamEntityKind.User => "IAM user",
        IamEntityKind.Role => "IAM role",
        _ => "IAM group",
    };

    private sealed class Pending(PlannedChange change, AwsAction action)
    {
        public PlannedChange Change { get; set; } = change;

        public AwsAction Action { get; } = action;

        /// <summary>The principal whose cluster-admin association this change removes (delete, disassociate, narrow).</summary>
        public string? RemovesAdminOf { get; init; }

        public bool SwitchesToApi { get; init; }
    }

    private sealed class Planning
    {
        private readonly AccessConfig _config;
        private readonly AwsObservedState _observed;
        private readonly bool _force;
        private readonly DateTimeOffset _now;
        private readonly string _clusterArn;
        private readonly List<Pending> _changes = [];
        private readonly List<string> _warnings = [];
        private readonly Dictionary<string, ObservedIamUser> _users;
        private readonly Dictionary<string, ObservedIamRole> _roles;
        private readonly Dictionary<string, ObservedIamGroup> _groups;
        private readonly HashSet<string> _desiredAdmins = new(StringComparer.Ordinal);

        public Planning(AccessConfig config, AwsObservedState observed, bool force, DateTimeOffset now)
        {
            _config = config;
            _observed = observed;
            _force = force;
            _now = now;
            _clusterArn = config.Cluster.ClusterArn;
            _users = observed.Users.DistinctBy(u => u.Name, StringComparer.Ordinal).ToDictionary(u => u.Name, StringComparer.Ordinal);
            _roles = observed.Roles.DistinctBy(r => r.Name, StringComparer.Ordinal).ToDictionary(r => r.Name, StringComparer.Ordinal);
            _groups = observed.Groups.DistinctBy(g => g.Name, StringComparer.Ordinal).ToDictionary(g => g.Name, StringComparer.Ordinal);
        }

        public AwsPlan Build()
        {
            ApplySafetyRules();
            var ordered = _changes.OrderBy(p => p.Change.Order).ToList();
            return new AwsPlan(
                new Plan([.. ordered.Select(p => p.Change)], [.. _warnings]),
                [.. ordered.Select(p => p.Action)]);
        }

        public void PlanIam()
        {
            var iam = _config.Iam;
            var policies = IamPolicyRenderer.Generate(_config);

            foreach (var user in iam.Users)
            {
                var path = PrincipalResolver.NormalizePath(user.Path);
                if (!_users.TryGetValue(user.Name, out var observed))
                {
                    var tags = AwsOwnership.CreationTags(user.Tags, _clusterArn);
                    Add(ChangeKind.Create, "iam-user", user.Name, "iam:CreateUser", AwsPlanOrder.IamCreate, new CreateIamUserAction(user.Name, path, tags), [$"path: {path}", $"tags: {Tags(tags)}"]);
                    continue;
                }

                WarnPath(IamEntityKind.User, user.Name, observed.Path, path);
                PlanTags(IamEntityKind.User, user.Name, user.Tags, observed.Tags, "iam:TagUser");
            }

            foreach (var group in iam.Groups)
            {
                var path = PrincipalResolver.NormalizePath(group.Path);
                if (!_groups.TryGetValue(group.Name, out var observed))
                {
                    Add(ChangeKind.Create, "iam-group", group.Name, "iam:CreateGroup", AwsPlanOrder.IamCreate, new CreateIamGroupAction(group.Name, path), [$"path: {path}"]);
                    continue;
                }

                WarnPath(IamEntityKind.Group, group.Name, observed.Path, path);
            }

            var trust = policies.TrustPolicies.ToDictionary(p => p.RoleName, p => p.Document, StringComparer.Ordinal);
            foreach (var role in iam.Roles)
            {
                var path = PrincipalResolver.NormalizePath(role.Path);
                var document = trust[role.Name];
                if (!_roles.TryGetValue(role.Name, out var observed))
                {
                    var tags = AwsOwnership.CreationTags(role.Tags, _clusterArn);
                    Add(
                        ChangeKind.Create,
                        "iam-role",
                        role.Name,
                        "iam:CreateRole",
                        AwsPlanOrder.IamCreate,
                        new CreateIamRoleAction(role.Name, path, document, role.MaxSessionDuration, tags),
                        [$"path: {path}", $"assumeRolePolicyDocument: {IamPolicyDocuments.OneLine(document)}", $"maxSessionDuration: {role.MaxSessionDuration}", $"tags: {Tags(tags)}"]);
                    continue;
                }

                WarnPath(IamEntityKind.Role, role.Name, observed.Path, path);
                if (!IamPolicyDocuments.AreEquivalent(observed.AssumeRolePolicyDocument, document))
                {
                    Add(
                        ChangeKind.Update,
                        "iam-role",
                        role.Name,
                        "iam:UpdateAssumeRolePolicy",
                        AwsPlanOrder.IamUpdate,
                        new UpdateAssumeRolePolicyAction(role.Name, document),
                        [$"assumeRolePolicyDocument: {IamPolicyDocuments.OneLine(observed.AssumeRolePolicyDocument)}", $"                       → {IamPolicyDocuments.OneLine(document)}"]);
                }

                if (observed.MaxSessionDuration != role.MaxSessionDuration)
                {
                    Add(
                        ChangeKind.Update,
                        "iam-role",
                        role.Name,
                        "iam:UpdateRole",
                        AwsPlanOrder.IamUpdate,
                        new UpdateRoleMaxSessionDurationAction(role.Name, role.MaxSessionDuration),
                        [$"maxSessionDuration: {observed.MaxSessionDuration} → {role.MaxSessionDuration}"]);
                }

                PlanTags(IamEntityKind.Role, role.Name, role.Tags, observed.Tags, "iam:TagRole");
            }

            PlanInlinePolicies(policies);
            PlanMemberships(iam);

            foreach (var user in iam.Users.Where(u => u.CreateAccessKey))
            {
                if (!_users.TryGetValue(user.Name, out var observed) || observed.AccessKeyCount == 0)
                {
                    Add(
                        ChangeKind.Create,
                        "iam-access-key",
                        user.Name,
                        "iam:CreateAccessKey",
                        AwsPlanOrder.IamAccessKeys,
                        new CreateAccessKeyAction(user.Name),
                        [$"the secret goes to {user.Name}.access-key.json (mode 0600) and is never printed"]);
                }
            }
        }

        public void PlanCluster()
        {
            var config = _config.Cluster;
            var cluster = _observed.Cluster;
            if (cluster is null)
            {
                _warnings.Add($"cluster {config.Name} was not found in {config.Region}: its authentication mode and access entries are not planned — create the cluster first, or fix cluster.name/region");
                return;
            }

            var desiredEntries = DesiredState.Build(_config).AccessEntries;
            var mode = cluster.AuthenticationMode;
            var wanted = config.AuthenticationMode;
            if (mode is null)
            {
                _warnings.Add($"cluster {config.Name} reports no authentication mode eksaccess knows: the mode is not planned");
            }
            else
            {
                PlanAuthenticationMode(config.Name, mode.Value, wanted);
            }

            PlanLogging(config, cluster);

            // The access-entry API exists only in the API modes: after the plan the cluster is in one unless it stays in CONFIG_MAP.
            var entriesAvailable = (mode ?? wanted) != AuthenticationMode.ConfigMap || wanted != AuthenticationMode.ConfigMap;
            if (!entriesAvailable)
            {
                if (!desiredEntries.IsDefaultOrEmpty)
                {
                    _warnings.Add($"cluster {config.Name} stays in CONFIG_MAP mode, which has no access entries: {desiredEntries.Length} access entries are not planned — set cluster.authenticationMode: API_AND_CONFIG_MAP");
                }

                return;
            }

            var principals = PrincipalResolver.Resolve(_config).ToDictionary(p => p.PrincipalArn, StringComparer.Ordinal);
            PlanAccessEntries(config.Name, desiredEntries, principals);
        }

        public void PlanIamDeletes()
        {
            var configUsers = _config.Iam.Users.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
            var configRoles = _config.Iam.Roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var user in _users.Values.Where(u => !configUsers.Contains(u.Name)).OrderBy(u => u.Name, StringComparer.Ordinal))
            {
                if (!AwsOwnership.IsOwnedBy(user.Tags, _clusterArn))
                {
                    continue;
                }

                var refusal = IsCallerIdentity(IamPrincipalKind.User, user.Name, user.Arn)
                    ? Refuse($"IAM user {user.Name} is the caller ({_observed.CallerArn}): deleting it removes your own access")
                    : null;
                foreach (var group in user.Groups.Order(StringComparer.Ordinal))
                {
                    Add(ChangeKind.Delete, "iam-group-membership", $"{group}/{user.Name}", "iam:RemoveUserFromGroup", AwsPlanOrder.RemoveMemberships, new RemoveUserFromGroupAction(user.Name, group), [], refusal);
                }

                foreach (var policy in user.InlinePolicies.Keys)
                {
                    Add(ChangeKind.Delete, "iam-user-policy", $"{user.Name}/{policy}", "iam:DeleteUserPolicy", AwsPlanOrder.DeleteIamPolicies, new DeleteInlinePolicyAction(IamEntityKind.User, user.Name, policy), [], refusal);
                }

                foreach (var key in user.AccessKeyIds)
                {
                    Add(ChangeKind.Delete, "iam-access-key", $"{user.Name}/{key}", "iam:DeleteAccessKey", AwsPlanOrder.DeleteIamPolicies, new DeleteAccessKeyAction(user.Name, key), [], refusal);
                }

                Add(ChangeKind.Delete, "iam-user", user.Name, "iam:DeleteUser", AwsPlanOrder.DeleteIamUsersAndRoles, new DeleteIamUserAction(user.Name), ["tagged managed-by=eksaccess and no longer in the access config"], refusal);
            }

            foreach (var role in _roles.Values.Where(r => !configRoles.Contains(r.Name)).OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                if (!AwsOwnership.IsOwnedBy(role.Tags, _clusterArn))
                {
                    continue;
                }

                var refusal = IsCallerIdentity(IamPrincipalKind.Role, role.Name, role.Arn)
                    ? Refuse($"IAM role {role.Name} is the caller's role ({_observed.CallerArn}): deleting it removes your own access")
                    : null;
                foreach (var policy in role.InlinePolicies.Keys)
                {
                    Add(ChangeKind.Delete, "iam-role-policy", $"{role.Name}/{policy}", "iam:DeleteRolePolicy", AwsPlanOrder.DeleteIamPolicies, new DeleteInlinePolicyAction(IamEntityKind.Role, role.Name, policy), [], refusal);
                }

                Add(ChangeKind.Delete, "iam-role", role.Name, "iam:DeleteRole", AwsPlanOrder.DeleteIamUsersAndRoles, new DeleteIamRoleAction(role.Name), ["tagged managed-by=eksaccess and no longer in the access config"], refusal);
            }
        }

        private void PlanTags(IamEntityKind kind, string name, ImmutableSortedDictionary<string, string> wanted, ImmutableSortedDictionary<string, string> observed, string apiCall)
        {
            var missing = wanted
                .Where(t => !observed.TryGetValue(t.Key, out var value) || !string.Equals(value, t.Value, StringComparison.Ordinal))
                .ToImmutableSortedDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            if (missing.IsEmpty)
            {
                return;
            }

            var details = missing.Select(t => observed.TryGetValue(t.Key, out var old) ? $"tag {t.Key}: {old} → {t.Value}" : $"tag {t.Key}: (none) → {t.Value}");
            Add(ChangeKind.Update, kind == IamEntityKind.User ? "iam-user" : "iam-role", name, apiCall, AwsPlanOrder.IamUpdate, new TagIamEntityAction(kind, name, missing), details);
        }

        private void WarnPath(IamEntityKind kind, string name, string observed, string wanted)
        {
            if (!string.Equals(PrincipalResolver.NormalizePath(observed), wanted, StringComparison.Ordinal))
            {
                _warnings.Add($"{Noun(kind)} {name} has path {PrincipalResolver.NormalizePath(observed)}, the config says {wanted}: IAM cannot move it, so it is left as is — recreate it by hand, or set its path to {PrincipalResolver.NormalizePath(observed)} in access.yaml");
            }
        }

        private void PlanInlinePolicies(IamPolicies policies)
        {
            var wantedNames = new HashSet<(IamEntityKind, string, string)>();
            foreach (var policy in policies.InlinePolicies)
            {
                wantedNames.Add((policy.EntityKind, policy.EntityName, policy.PolicyName));
                var existing = ObservedPolicies(policy.EntityKind, policy.EntityName);
                var (type, api) = PolicyCall(policy.EntityKind, delete: false);
                var id = $"{policy.EntityName}/{policy.PolicyName}";
                var action = new PutInlinePolicyAction(policy.EntityKind, policy.EntityName, policy.PolicyName, policy.Document);
                if (existing is null || !existing.TryGetValue(policy.PolicyName, out var document))
                {
                    Add(ChangeKind.Create, type, id, api, AwsPlanOrder.IamPolicies, action, [$"policyDocument: {IamPolicyDocuments.OneLine(policy.Document)}"]);
                }
                else if (!IamPolicyDocuments.AreEquivalent(document, policy.Document))
                {
                    Add(ChangeKind.Update, type, id, api, AwsPlanOrder.IamPolicies, action, [$"policyDocument: {IamPolicyDocuments.OneLine(document)}", $"             → {IamPolicyDocuments.OneLine(policy.Document)}"]);
                }
            }

            // Inline policies on the config's entities that the config no longer wants.
            var generated = new HashSet<string>([IamPolicyRenderer.DescribeClusterPolicyName, IamPolicyRenderer.AssumeRolesPolicyName], StringComparer.Ordinal);
            void Extras(IamEntityKind kind, string name, ImmutableSortedDictionary<string, string>? existing, bool owned)
            {
                foreach (var policyName in existing?.Keys ?? [])
                {
                    if (wantedNames.Contains((kind, name, policyName)))
                    {
                        continue;
                    }

                    if (owned || generated.Contains(policyName))
                    {
                        var (type, api) = PolicyCall(kind, delete: true);
                        Add(ChangeKind.Delete, type, $"{name}/{policyName}", api, AwsPlanOrder.DeleteIamPolicies, new DeleteInlinePolicyAction(kind, name, policyName), ["no longer in the access config"]);
                    }
                    else
                    {
                        _warnings.Add($"{Noun(kind)} {name} has inline policy {policyName}, which the access config does not list; left as is ({name} is not managed by eksaccess)");
                    }
                }
            }

            foreach (var user in _config.Iam.Users)
            {
                var observed = _users.GetValueOrDefault(user.Name);
                Extras(IamEntityKind.User, user.Name, observed?.InlinePolicies, observed is not null && AwsOwnership.IsOwnedBy(observed.Tags, _clusterArn));
            }

            foreach (var role in _config.Iam.Roles)
            {
                var observed = _roles.GetValueOrDefault(role.Name);
                Extras(IamEntityKind.Role, role.Name, observed?.InlinePolicies, observed is not null && AwsOwnership.IsOwnedBy(observed.Tags, _clusterArn));
            }

            foreach (var group in _config.Iam.Groups)
            {
                Extras(IamEntityKind.Group, group.Name, _groups.GetValueOrDefault(group.Name)?.InlinePolicies, owned: false);
            }
        }

        private ImmutableSortedDictionary<string, string>? ObservedPolicies(IamEntityKind kind, string name) => kind switch
        {
            IamEntityKind.User => _users.GetValueOrDefault(name)?.InlinePolicies,
            IamEntityKind.Role => _roles.GetValueOrDefault(name)?.InlinePolicies,
            _ => _groups.GetValueOrDefault(name)?.InlinePolicies,
        };

        private void PlanMemberships(IamConfig iam)
        {
            var wanted = new HashSet<(string User, string Group)>();
            foreach (var (user, groups) in IamMemberships.ByUser(iam))
            {
                foreach (var group in groups)
                {
                    wanted.Add((user, group));
                    if (!IsMember(user, group))
                    {
                        Add(ChangeKind.Create, "iam-group-membership", $"{group}/{user}", "iam:AddUserToGroup", AwsPlanOrder.IamMemberships, new AddUserToGroupAction(user, group), []);
                    }
                }
            }

            var configUsers = iam.Users.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var group in iam.Groups)
            {
                var members = new SortedSet<string>(StringComparer.Ordinal);
                if (_groups.TryGetValue(group.Name, out var observedGroup))
                {
                    members.UnionWith(observedGroup.Members);
                }

                members.UnionWith(_users.Values.Where(u => configUsers.Contains(u.Name) && u.Groups.Contains(group.Name, StringComparer.Ordinal)).Select(u => u.Name));
                foreach (var member in members.Where(m => !wanted.Contains((m, group.Name))))
                {
                    var observedUser = _users.GetValueOrDefault(member);
                    var owned = observedUser is not null && AwsOwnership.IsOwnedBy(observedUser.Tags, _clusterArn);
                    if (owned && configUsers.Contains(member))
                    {
                        Add(ChangeKind.Delete, "iam-group-membership", $"{group.Name}/{member}", "iam:RemoveUserFromGroup", AwsPlanOrder.RemoveMemberships, new RemoveUserFromGroupAction(member, group.Name), ["no longer in the access config"]);
                    }
                    else if (!owned)
                    {
                        _warnings.Add($"IAM group {group.Name} has member {member}, which the access config does not list; left as is ({member} is not managed by eksaccess)");
                    }

                    // An owned user the config no longer names leaves all its groups when it is deleted (PlanIamDeletes).
                }
            }
        }

        private bool IsMember(string user, string group) =>
            (_users.TryGetValue(user, out var observedUser) && observedUser.Groups.Contains(group, StringComparer.Ordinal))
            || (_groups.TryGetValue(group, out var observedGroup) && observedGroup.Members.Contains(user, StringComparer.Ordinal));

        private void PlanLogging(ClusterConfig config, ObservedCluster cluster)
        {
            if (config.ControlPlaneLogging is not { } wanted)
            {
                return;
            }

            var enabled = cluster.EnabledLogTypes;
            var enable = ClusterConfig.LogTypes.Where(t => wanted.Contains(t, StringComparer.Ordinal) && !enabled.Contains(t, StringComparer.Ordinal)).ToImmutableArray();
            var disable = ClusterConfig.LogTypes.Where(t => !wanted.Contains(t, StringComparer.Ordinal) && enabled.Contains(t, StringComparer.Ordinal)).ToImmutableArray();
            if (enable.IsEmpty && disable.IsEmpty)
            {
                return;
            }

            var before = ClusterConfig.LogTypes.Where(t => enabled.Contains(t, StringComparer.Ordinal));
            var after = ClusterConfig.LogTypes.Where(t => wanted.Contains(t, StringComparer.Ordinal));
            Add(
                ChangeKind.Update,
                "control-plane-logging",
                config.Name,
                "eks:UpdateClusterConfig",
                AwsPlanOrder.Logging,
                new UpdateClusterLoggingAction(config.Name, enable, disable),
                [$"logging: [{string.Join(", ", before)}] → [{string.Join(", ", after)}]", "waits for the cluster update (DescribeUpdate) to succeed"]);
        }

        private void PlanAuthenticationMode(string clusterName, AuthenticationMode current, AuthenticationMode wanted)
        {
            if (current == wanted)
            {
                return;
            }

            var details = $"authenticationMode: {current.ToWire()} → {wanted.ToWire()}";
            if (wanted < current)
            {
                Add(
                    ChangeKind.Update,
                    "authentication-mode",
                    clusterName,
                    "eks:UpdateClusterConfig",
                    AwsPlanOrder.AuthenticationMode,
                    new UpdateAuthenticationModeAction(clusterName, wanted),
                    [details],
                    $"EKS changes the authentication mode one way only (CONFIG_MAP → API_AND_CONFIG_MAP → API): {current.ToWire()} cannot go back to {wanted.ToWire()} — set cluster.authenticationMode: {current.ToWire()} in access.yaml");
                return;
            }

            if (current == AuthenticationMode.ConfigMap)
            {
                // Access entries cannot be created in CONFIG_MAP mode: go through API_AND_CONFIG_MAP, create them, then switch to API.
                Add(
                    ChangeKind.Update,
                    "authentication-mode",
                    clusterName,
                    "eks:UpdateClusterConfig",
                    AwsPlanOrder.AuthenticationMode,
                    new UpdateAuthenticationModeAction(clusterName, AuthenticationMode.ApiAndConfigMap),
                    [$"authenticationMode: {current.ToWire()} → {AuthenticationMode.ApiAndConfigMap.ToWire()}", "waits for the cluster update (DescribeUpdate) to succeed"]);
                current = AuthenticationMode.ApiAndConfigMap;
            }

            if (wanted == AuthenticationMode.Api && current != AuthenticationMode.Api)
            {
                _changes.Add(new Pending(
                    new PlannedChange(
                        PlannedChange.AwsTarget,
                        ChangeKind.Update,
                        "authentication-mode",
                        clusterName,
                        "eks:UpdateClusterConfig",
                        [$"authenticationMode: {current.ToWire()} → {AuthenticationMode.Api.ToWire()}", "after the access entries and policies exist; aws-auth is ignored from then on", "waits for the cluster update (DescribeUpdate) to succeed"])
                    { Order = AwsPlanOrder.AuthenticationModeApi },
                    new UpdateAuthenticationModeAction(clusterName, AuthenticationMode.Api))
                {
                    SwitchesToApi = true,
                });
            }
        }

        private void PlanAccessEntries(string clusterName, ImmutableArray<AccessEntry> desiredEntries, Dictionary<string, DesiredPrincipal> principals)
        {
            var observed = _observed.AccessEntries.DistinctBy(e => e.PrincipalArn, StringComparer.Ordinal).ToDictionary(e => e.PrincipalArn, StringComparer.Ordinal);
            var managedTags = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(AwsOwnership.ManagedByKey, AwsOwnership.ManagedByValue);
            var desiredArns = new HashSet<string>(StringComparer.Ordinal);

            foreach (var desired in desiredEntries)
            {
                desiredArns.Add(desired.PrincipalArn);
                var type = AccessEntryDefaults.NormalizeType(desired.Type);
                var standard = AccessEntryDefaults.IsStandard(type);
                var wantedGroups = standard ? SortedSet(desired.KubernetesGroups) : [];
                var wantedPolicies = standard && !desired.AssociatedAccessPolicies.IsDefault ? desired.AssociatedAccessPolicies : [];
                var defaultUsername = IamPrincipalArn.TryParse(desired.PrincipalArn, out var principal, out _) ? AccessEntryDefaults.Username(type, principal) : null;
                foreach (var policy in wantedPolicies.Where(IsClusterAdmin))
                {
                    _desiredAdmins.Add(desired.PrincipalArn);
                }

                var expiryTags = standard && principals.TryGetValue(desired.PrincipalArn, out var desiredPrincipal) ? ExpiryTagsOf(desiredPrincipal) : ImmutableSortedDictionary<string, string>.Empty;
                if (!observed.TryGetValue(desired.PrincipalArn, out var existing))
                {
                    var username = standard ? desired.Username : null;
                    var tags = managedTags.SetItems(expiryTags);
                    var details = new List<string> { $"type: {type}" };
                    if (standard)
                    {
                        details.Add(username is null ? $"username: (EKS default: {defaultUsername ?? "unknown"})" : $"username: {username}");
                        details.Add($"kubernetesGroups: {List(wantedGroups)}");
                    }

                    details.Add($"tags: {Tags(tags)}");
                    Add(ChangeKind.Create, "access-entry", desired.PrincipalArn, "eks:CreateAccessEntry", AwsPlanOrder.AccessEntries, new CreateAccessEntryAction(clusterName, desired.PrincipalArn, type, username, wantedGroups, tags), details);
                    foreach (var policy in wantedPolicies)
                    {
                        Add(ChangeKind.Create, "access-policy", $"{desired.PrincipalArn} {PolicyName(policy.PolicyArn)}", "eks:AssociateAccessPolicy", AwsPlanOrder.AccessPolicies, new AssociateAccessPolicyAction(clusterName, desired.PrincipalArn, policy.PolicyArn, policy.AccessScope), [$"accessScope: {Scope(policy.AccessScope)}"]);
                    }

                    continue;
                }

                var existingType = AccessEntryDefaults.NormalizeType(existing.Type);
                if (!string.Equals(existingType, type, StringComparison.Ordinal))
                {
                    _warnings.Add($"access entry {desired.PrincipalArn} is of type {existingType}, the config wants {type}: EKS cannot change an entry's type, so it is left as is — delete it (aws eks delete-access-entry) and apply again");
                    continue;
                }

                if (!standard)
                {
                    continue; // EKS fixes a node entry's username and groups, and it takes no access policies.
                }

                PlanEntryUpdate(clusterName, desired, existing, wantedGroups, defaultUsername);
                PlanEntryPolicies(clusterName, desired.PrincipalArn, existing, wantedPolicies);
                PlanExpiryTags(clusterName, desired.PrincipalArn, existing, wantedPolicies, expiryTags);
            }

            foreach (var existing in _observed.AccessEntries.Where(e => !desiredArns.Contains(e.PrincipalArn) && e.IsManaged).OrderBy(e => e.PrincipalArn, StringComparer.Ordinal))
            {
                if (ExpiryTags.EntryExpiry(existing.Tags) is { } grantedUntil && grantedUntil > _now)
                {
                    _warnings.Add($"access entry {existing.PrincipalArn} is not in the access config but granted until {Text.Rfc3339.Format(grantedUntil)} (eksaccess grant): left for eksaccess prune to remove when it expires");
                    continue;
                }

                var admin = existing.AssociatedAccessPolicies.IsDefault ? false : existing.AssociatedAccessPolicies.Any(IsClusterAdmin);
                _changes.Add(new Pending(
                    new PlannedChange(PlannedChange.AwsTarget, ChangeKind.Delete, "access-entry", existing.PrincipalArn, "eks:DeleteAccessEntry", ["tagged managed-by=eksaccess and no longer in the access config; its access policies go with it"])
                    { Order = AwsPlanOrder.DeleteAccessEntries },
                    new DeleteAccessEntryAction(clusterName, existing.PrincipalArn))
                {
                    RemovesAdminOf = admin ? existing.PrincipalArn : null,
                });
            }
        }

        private void PlanEntryUpdate(string clusterName, AccessEntry desired, ObservedAccessEntry existing, ImmutableArray<string> wantedGroups, string? defaultUsername)
        {
            var existingGroups = SortedSet(existing.KubernetesGroups);
            var wantedUsername = desired.Username ?? defaultUsername;
            var existingUsername = string.IsNullOrEmpty(existing.Username) ? defaultUsername : existing.Username;
            var groupsDiffer = !existingGroups.SequenceEqual(wantedGroups, StringComparer.Ordinal);
            var usernameDiffers = wantedUsername is not null && !string.Equals(existingUsername, wantedUsername, StringComparison.Ordinal);
            if (!groupsDiffer && !usernameDiffers)
            {
                return;
            }

            var details = new List<string>();
            if (groupsDiffer)
            {
                details.Add($"kubernetesGroups: {List(existingGroups)} → {List(wantedGroups)}");
            }

            if (usernameDiffers)
            {
                details.Add($"username: {existingUsername ?? "(none)"} → {wantedUsername}");
            }

            Add(ChangeKind.Update, "access-entry", desired.PrincipalArn, "eks:UpdateAccessEntry", AwsPlanOrder.AccessEntries, new UpdateAccessEntryAction(clusterName, desired.PrincipalArn, usernameDiffers ? wantedUsername : null, wantedGroups), details);
        }

        private void PlanEntryPolicies(string clusterName, string principalArn, ObservedAccessEntry existing, ImmutableArray<AssociatedAccessPolicy> wantedPolicies)
        {
            var associated = (existing.AssociatedAccessPolicies.IsDefault ? [] : existing.AssociatedAccessPolicies)
                .DistinctBy(p => p.PolicyArn, StringComparer.Ordinal)
                .ToDictionary(p => p.PolicyArn, StringComparer.Ordinal);
            foreach (var policy in wantedPolicies)
            {
                var id = $"{principalArn} {PolicyName(policy.PolicyArn)}";
                var action = new AssociateAccessPolicyAction(clusterName, principalArn, policy.PolicyArn, policy.AccessScope);
                if (!associated.TryGetValue(policy.PolicyArn, out var current))
                {
                    Add(ChangeKind.Create, "access-policy", id, "eks:AssociateAccessPolicy", AwsPlanOrder.AccessPolicies, action, [$"accessScope: {Scope(policy.AccessScope)}"]);
                }
                else if (!SameScope(current.AccessScope, policy.AccessScope))
                {
                    _changes.Add(new Pending(
                        new PlannedChange(PlannedChange.AwsTarget, ChangeKind.Update, "access-policy", id, "eks:AssociateAccessPolicy", [$"accessScope: {Scope(current.AccessScope)} → {Scope(policy.AccessScope)}"])
                        { Order = AwsPlanOrder.AccessPolicies },
                        action)
                    {
                        RemovesAdminOf = IsClusterAdmin(current) && !IsClusterAdmin(policy) ? principalArn : null,
                    });
                }
            }

            var wantedArns = wantedPolicies.Select(p => p.PolicyArn).ToHashSet(StringComparer.Ordinal);
            foreach (var policy in associated.Values.Where(p => !wantedArns.Contains(p.PolicyArn)).OrderBy(p => p.PolicyArn, StringComparer.Ordinal))
            {
                if (existing.IsManaged && ExpiryTags.PolicyExpiry(existing.Tags, policy.PolicyArn, policy.AccessScope) is { } grantedUntil && grantedUntil > _now)
                {
                    _warnings.Add($"access entry {principalArn} has access policy {PolicyName(policy.PolicyArn)} ({Scope(policy.AccessScope)}) granted until {Text.Rfc3339.Format(grantedUntil)} (eksaccess grant): left for eksaccess prune");
                    continue;
                }

                if (!existing.IsManaged)
                {
                    _warnings.Add($"access entry {principalArn} has access policy {PolicyName(policy.PolicyArn)} ({Scope(policy.AccessScope)}), which the access config does not list; left as is (the entry is not managed by eksaccess)");
                    continue;
                }

                _changes.Add(new Pending(
                    new PlannedChange(PlannedChange.AwsTarget, ChangeKind.Delete, "access-policy", $"{principalArn} {PolicyName(policy.PolicyArn)}", "eks:DisassociateAccessPolicy", [$"accessScope: {Scope(policy.AccessScope)}", "no longer in the access config"])
                    { Order = AwsPlanOrder.Disassociate },
                    new DisassociateAccessPolicyAction(clusterName, principalArn, policy.PolicyArn))
                {
                    RemovesAdminOf = IsClusterAdmin(policy) ? principalArn : null,
                });
            }
        }

        /// <summary>
        /// The expiry tags the config asks of a principal's entry: <c>expires-at</c> when every reason for the entry expires,
        /// and one per association that expires before the entry does (docs/decisions/expiry.md).
        /// </summary>
        private static ImmutableSortedDictionary<string, string> ExpiryTagsOf(DesiredPrincipal principal)
        {
            var tags = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            if (principal.ExpiresAt is { } entryAt)
            {
                tags[ExpiryTags.ExpiresAtKey] = Text.Rfc3339.Format(entryAt);
            }

            foreach (var policy in principal.AccessPolicies)
            {
                if (principal.PolicyExpiresAt.TryGetValue(policy.PolicyArn, out var at) && (principal.ExpiresAt is null || at < principal.ExpiresAt))
                {
                    tags[ExpiryTags.PolicyKey(policy.PolicyArn, policy.AccessScope)] = Text.Rfc3339.Format(at);
                }
            }

            return tags.ToImmutable();
        }

        /// <summary>
        /// Brings a managed entry's expiry tags to what the config says: the entry's <c>expires-at</c> and the keys of the
        /// associations the config lists. Keys of associations the config does not list are a grant's, and stay.
        /// </summary>
        private void PlanExpiryTags(string clusterName, string principalArn, ObservedAccessEntry existing, ImmutableArray<AssociatedAccessPolicy> wantedPolicies, ImmutableSortedDictionary<string, string> wanted)
        {
            if (!existing.IsManaged)
            {
                if (!wanted.IsEmpty)
                {
                    _warnings.Add($"access entry {principalArn} is not tagged managed-by=eksaccess: its expiry ({string.Join(", ", wanted.Select(t => $"{t.Key}={t.Value}"))}) is not recorded on it, so eksaccess prune will not remove it — apply removes it from the plan once it expires");
                }

                return;
            }

            var concerned = wantedPolicies.Select(p => ExpiryTags.PolicyKey(p.PolicyArn, p.AccessScope)).Append(ExpiryTags.ExpiresAtKey).ToHashSet(StringComparer.Ordinal);
            var current = existing.Tags.Where(t => ExpiryTags.IsExpiryKey(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            var set = wanted.Where(t => !current.TryGetValue(t.Key, out var value) || !string.Equals(value, t.Value, StringComparison.Ordinal)).ToImmutableSortedDictionary(StringComparer.Ordinal);
            var remove = current.Keys.Where(k => concerned.Contains(k) && !wanted.ContainsKey(k)).Order(StringComparer.Ordinal).ToImmutableArray();
            if (!set.IsEmpty)
            {
                Add(ChangeKind.Update, "access-entry-tags", principalArn, "eks:TagResource", AwsPlanOrder.AccessPolicies, new TagAccessEntryAction(clusterName, principalArn, set),
                    set.Select(t => $"{t.Key}: {current.GetValueOrDefault(t.Key) ?? "(none)"} → {t.Value}"));
            }

            if (!remove.IsEmpty)
            {
                Add(ChangeKind.Update, "access-entry-tags", principalArn, "eks:UntagResource", AwsPlanOrder.AccessPolicies, new UntagAccessEntryAction(clusterName, principalArn, remove),
                    remove.Select(k => $"{k}: {current[k]} → (none: permanent)"));
            }
        }

        /// <summary>
        /// Refuses (unless forced) each change that removes the caller's own cluster-admin access entry or the last
        /// one; then refuses (always) a switch to API that would leave no cluster-admin access entry.
        /// </summary>
        private void ApplySafetyRules()
        {
            var before = _observed.AccessEntries
                .Where(e => !e.AssociatedAccessPolicies.IsDefault && e.AssociatedAccessPolicies.Any(IsClusterAdmin))
                .Select(e => e.PrincipalArn)
                .ToHashSet(StringComparer.Ordinal);
            var removals = _changes.Where(p => p.RemovesAdminOf is not null).ToList();
            var afterAll = new HashSet<string>(before, StringComparer.Ordinal);
            afterAll.ExceptWith(removals.Select(p => p.RemovesAdminOf!));
            afterAll.UnionWith(_desiredAdmins);

            var kept = new HashSet<string>(afterAll, StringComparer.Ordinal);
            foreach (var removal in removals)
            {
                var principal = removal.RemovesAdminOf!;
                string? reason = null;
                if (IsCaller(_observed.CallerArn, principal))
                {
                    reason = $"it removes your own cluster-admin access ({_observed.CallerArn} is {principal})";
                }
                else if (afterAll.Count == 0)
                {
                    reason = $"it removes the last cluster-admin access entry ({principal}) and no other would be left";
                }

                if (reason is null)
                {
                    continue;
                }

                if (_force)
                {
                    _warnings.Add($"--force: {removal.Change.ApiCall} {removal.Change.Id} goes ahead although {reason}");
                    continue;
                }

                removal.Change = removal.Change with { Refusal = $"{reason} — keep it in access.yaml (admins:), or pass --force if this is intended" };
                kept.Add(principal);
            }

            foreach (var change in _changes.Where(p => p.SwitchesToApi))
            {
                if (kept.Count == 0)
                {
                    change.Change = change.Change with
                    {
                        Refusal = "in API mode only access entries authenticate, and no access entry would have AmazonEKSClusterAdminPolicy at cluster scope — add an admin to access.yaml (admins:) first",
                    };
                }
                else if (_observed.CallerArn is not null && !kept.Any(p => IsCaller(_observed.CallerArn, p)))
                {
                    _warnings.Add($"switching {_config.Cluster.Name} to API mode ignores aws-auth from then on: you ({_observed.CallerArn}) have no cluster-admin access entry, so any access you have through aws-auth ends");
                }
            }
        }

        private bool IsCallerIdentity(IamPrincipalKind kind, string name, string? arn)
        {
            var principal = arn ?? (kind == IamPrincipalKind.User
                ? $"arn:{_config.Cluster.Partition}:iam::{_config.Cluster.AccountId}:user/{name}"
                : $"arn:{_config.Cluster.Partition}:iam::{_config.Cluster.AccountId}:role/{name}");
            return IsCaller(_observed.CallerArn, principal);
        }

        private string? Refuse(string reason)
        {
            if (_force)
            {
                _warnings.Add($"--force: {reason}");
                return null;
            }

            return $"{reason} — pass --force if this is intended";
        }

        private void Add(ChangeKind kind, string resourceType, string id, string apiCall, int order, AwsAction action, IEnumerable<string> details, string? refusal = null)
        {
            _changes.Add(new Pending(
                new PlannedChange(PlannedChange.AwsTarget, kind, resourceType, id, apiCall, [.. details]) { Order = order, Refusal = refusal },
                action));
        }
    }
}
