using EksAccess.Core.Text;
using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Config;

/// <summary>One run of <see cref="AccessConfigValidator"/>: walks the config once and collects diagnostics.</summary>
internal sealed class AccessConfigValidation
{
    /// <summary>Namespaces every cluster has, which a team may be granted without defining them.</summary>
    public static readonly IReadOnlyList<string> BuiltInNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>Access-entry username prefixes EKS refuses (docs/reference/eks-semantics.md §b).</summary>
    public static readonly IReadOnlyList<string> ReservedUsernamePrefixes = ["system:", "eks:", "aws:", "amazon:", "iam:"];

    private static readonly string[] NodeRoleTypes = ["EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX", "HYBRID_LINUX", "EC2", "HYPERPOD_LINUX"];
    private static readonly string[] LimitTypes = ["Container", "Pod", "PersistentVolumeClaim"];
    private static readonly string[] ScopeTypes = [AccessScope.ClusterType, AccessScope.NamespaceType];

    private readonly AccessConfig _config;
    private readonly ConfigSourceMap _map;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly SourceLocation _fileStart;
    private readonly bool _usesAccessEntries;
    private readonly string? _partition;
    private readonly string? _account;
    private readonly HashSet<string> _users = new(StringComparer.Ordinal);
    private readonly HashSet<string> _roles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);
    private readonly HashSet<string> _roleTemplates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clusterRoles = new(StringComparer.Ordinal);

    public AccessConfigValidation(AccessConfig config, ConfigSourceMap map)
    {
        _config = config;
        _map = map;
        _fileStart = new SourceLocation(config.SourceFile ?? "", 1, 1);
        _usesAccessEntries = config.Cluster.AccessMethod != AccessMethod.AwsAuth;
        _partition = AwsPartitions.IsKnown(config.Cluster.Partition) ? config.Cluster.Partition : null;
        _account = ConfigNames.IsAccountId(config.Cluster.AccountId) ? config.Cluster.AccountId : null;
    }

    private string PartitionOrDefault => _partition ?? AwsPartitions.Aws;

    private string AccountOrExample => _account ?? ConfigNames.AccountIdExample;

    public List<Diagnostic> Run()
    {
        CheckCluster();
        CheckUsers();
        CheckRoles();
        CheckGroups();
        CheckUserAssumeRoles();
        CheckNamespaces();
        CheckRoleTemplates();
        CheckClusterRoles();
        CheckTeams();
        CheckAdmins();
        CheckTests();
        return _diagnostics;
    }

    // ---- cluster ----

    private void CheckCluster()
    {
        var cluster = _config.Cluster;
        var at = Fallback(cluster.Location);
        if (!ConfigNames.IsClusterName(cluster.Name))
        {
            Report(Locate("cluster.name", at), $"cluster name '{cluster.Name}' is not a valid EKS cluster name", "use 1 to 100 letters, digits, '-' and '_', starting with a letter or digit");
        }

        CheckLogging(cluster, at);
        var regionValid = ConfigNames.IsRegion(cluster.Region);
        if (!regionValid)
        {
            Report(Locate("cluster.region", at), $"region '{cluster.Region}' is not an AWS region code", "use a region code such as us-east-1 or eu-west-1");
        }

        if (_account is null)
        {
            Report(Locate("cluster.accountId", at), $"accountId '{cluster.AccountId}' is not a 12-digit AWS account ID", $"write the 12 digits in quotes, e.g. accountId: \"{ConfigNames.AccountIdExample}\"");
        }

        if (_partition is null)
        {
            Report(Locate("cluster.partition", at), $"unknown partition '{cluster.Partition}'", Hint(cluster.Partition, AwsPartitions.All, "use one of"));
        }
        else if (regionValid && !string.Equals(AwsPartitions.ForRegion(cluster.Region), cluster.Partition, StringComparison.Ordinal))
        {
            var expected = AwsPartitions.ForRegion(cluster.Region);
            Report(
                Locate("cluster.partition", at),
                $"partition '{cluster.Partition}' does not match region '{cluster.Region}', which is in '{expected}'",
                $"write partition: {expected}, or remove the key: it defaults from the region");
        }

        for (var i = 0; i < cluster.TrustedAccountIds.Length; i++)
        {
            var account = cluster.TrustedAccountIds[i];
            if (!ConfigNames.IsAccountId(account))
            {
                Report(Locate($"cluster.trustedAccountIds[{i}]", at), $"trusted account '{account}' is not a 12-digit AWS account ID", "write the 12 digits in quotes, e.g. \"444455556666\"");
            }
        }

        var mode = cluster.AuthenticationMode;
        var method = cluster.AccessMethod;
        var methodAt = Locate("cluster.accessMethod", Locate("cluster.authenticationMode", at));
        if (method != AccessMethod.AwsAuth && mode == AuthenticationMode.ConfigMap)
        {
            Report(
                methodAt,
                $"accessMethod {Wire(method)} needs access entries, but authenticationMode CONFIG_MAP has none",
                "set authenticationMode: API_AND_CONFIG_MAP (or API), or accessMethod: awsAuth");
        }

        if (method != AccessMethod.AccessEntries && mode == AuthenticationMode.Api)
        {
            Report(
                methodAt,
                $"accessMethod {Wire(method)} writes the aws-auth ConfigMap, which authenticationMode API ignores",
                "set authenticationMode: API_AND_CONFIG_MAP, or accessMethod: accessEntries");
        }

        for (var i = 0; i < cluster.NodeRoles.Length; i++)
        {
            var nodeRole = cluster.NodeRoles[i];
            var path = $"cluster.nodeRoles[{i}]";
            var nodeAt = Locate(path, Fallback(nodeRole.Location));
            CheckArn(nodeRole.RoleArn, Locate(path + ".roleArn", nodeAt), "node role", [IamArnSyntax.RoleKind], []);
            if (!NodeRoleTypes.Contains(nodeRole.Type, StringComparer.Ordinal))
            {
                Report(Locate(path + ".type", nodeAt), $"unknown node role type '{nodeRole.Type}'", Hint(nodeRole.Type, NodeRoleTypes, "use one of"));
            }
        }
    }

    // ---- IAM ----

    private void CheckUsers()
    {
        var users = _config.Iam.Users;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var group in _config.Iam.Groups)
        {
            _groups.Add(group.Name);
        }

        for (var i = 0; i < users.Length; i++)
        {
            var user = users[i];
            var path = $"iam.users[{i}]";
            var at = Locate(path, Fallback(user.Location));
            var nameAt = Locate(path + ".name", at);
            if (!ConfigNames.IsIamName(user.Name, 64))
            {
                Report(nameAt, $"IAM user name '{user.Name}' is invalid", "use 1 to 64 letters, digits and +=,.@_-");
            }

            CheckDuplicate(first, user.Name, nameAt, "IAM user");
            _users.Add(user.Name);
            CheckIamPath(user.Path, Locate(path + ".path", at));
            CheckUsername(user.Username, Locate(path + ".username", at), $"IAM user '{user.Name}'");
            for (var j = 0; j < user.Groups.Length; j++)
            {
                var group = user.Groups[j];
                if (!_groups.Contains(group))
                {
                    Report(
                        Locate($"{path}.groups[{j}]", at),
                        $"IAM user '{user.Name}' joins IAM group '{group}', which is not defined",
                        Join(Spelling.DidYouMean(group, _groups), "define it under iam.groups, or fix the name"));
                }
            }

            CheckPolicies(user.Policies, path, at);
            CheckTags(user.Tags, path, at);
        }
    }

    private void CheckRoles()
    {
        var roles = _config.Iam.Roles;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < roles.Length; i++)
        {
            var role = roles[i];
            var path = $"iam.roles[{i}]";
            var at = Locate(path, Fallback(role.Location));
            var nameAt = Locate(path + ".name", at);
            if (!ConfigNames.IsIamName(role.Name, 64))
            {
                Report(nameAt, $"IAM role name '{role.Name}' is invalid", "use 1 to 64 letters, digits and +=,.@_-");
            }

            CheckDuplicate(first, role.Name, nameAt, "IAM role");
            _roles.Add(role.Name);
            CheckIamPath(role.Path, Locate(path + ".path", at));
            CheckUsername(role.Username, Locate(path + ".username", at), $"IAM role '{role.Name}'");
            if (role.MaxSessionDuration is < 3600 or > 43200)
            {
                Report(
                    Locate(path + ".maxSessionDuration", at),
                    $"maxSessionDuration {role.MaxSessionDuration} is out of range",
                    "use 3600 to 43200 seconds (1 to 12 hours)");
            }

            CheckTrust(role, path, at);
            CheckPolicies(role.Policies, path, at);
            CheckTags(role.Tags, path, at);
        }
    }

    private void CheckTrust(IamRoleConfig role, string path, SourceLocation at)
    {
        var trust = role.Trust;
        var trustAt = Locate(path + ".trust", at);
        if (trust.Accounts.IsEmpty && trust.Principals.IsEmpty && trust.SsoPermissionSets.IsEmpty)
        {
            Report(
                trustAt,
                $"IAM role '{role.Name}' trusts no one, so no one can assume it",
                $"add trust.accounts: [\"{AccountOrExample}\"], trust.principals or trust.ssoPermissionSets");
        }

        for (var j = 0; j < trust.Accounts.Length; j++)
        {
            if (!ConfigNames.IsAccountId(trust.Accounts[j]))
            {
                Report(Locate($"{path}.trust.accounts[{j}]", trustAt), $"trusted account '{trust.Accounts[j]}' is not a 12-digit AWS account ID", "write the 12 digits in quotes, e.g. \"111122223333\"");
            }
        }

        for (var j = 0; j < trust.Principals.Length; j++)
        {
            CheckArn(
                trust.Principals[j],
                Locate($"{path}.trust.principals[{j}]", trustAt),
                "trusted principal",
                [IamArnSyntax.RoleKind, IamArnSyntax.UserKind, IamArnSyntax.RootKind],
                trust.Accounts);
        }

        for (var j = 0; j < trust.SsoPermissionSets.Length; j++)
        {
            var name = trust.SsoPermissionSets[j];
            if (!ConfigNames.IsIamName(name, 32))
            {
                Report(Locate($"{path}.trust.ssoPermissionSets[{j}]", trustAt), $"permission set name '{name}' is invalid", "use 1 to 32 letters, digits and +=,.@_-, as in IAM Identity Center");
            }
        }
    }

    private void CheckGroups()
    {
        var groups = _config.Iam.Groups;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            var path = $"iam.groups[{i}]";
            var at = Locate(path, Fallback(group.Location));
            var nameAt = Locate(path + ".name", at);
            if (!ConfigNames.IsIamName(group.Name, 128))
            {
                Report(nameAt, $"IAM group name '{group.Name}' is invalid", "use 1 to 128 letters, digits and +=,.@_-");
            }

            CheckDuplicate(first, group.Name, nameAt, "IAM group");
            CheckIamPath(group.Path, Locate(path + ".path", at));
            for (var j = 0; j < group.Members.Length; j++)
            {
                var member = group.Members[j];
                if (!_users.Contains(member))
                {
                    Report(
                        Locate($"{path}.members[{j}]", at),
                        $"IAM group '{group.Name}' lists member '{member}', which is not an IAM user in this config",
                        Join(Spelling.DidYouMean(member, _users), "define it under iam.users (IAM groups hold users only), or fix the name"));
                }
            }

            CheckAssumeRoles(group.AssumeRoles, path, at, $"IAM group '{group.Name}'");
            CheckPolicies(group.Policies, path, at);
        }
    }

    /// <summary>After CheckRoles, so every role name is known.</summary>
    private void CheckUserAssumeRoles()
    {
        var users = _config.Iam.Users;
        for (var i = 0; i < users.Length; i++)
        {
            var path = $"iam.users[{i}]";
            CheckAssumeRoles(users[i].AssumeRoles, path, Locate(path, Fallback(users[i].Location)), $"IAM user '{users[i].Name}'");
        }
    }

    private void CheckAssumeRoles(ImmutableArray<string> assumeRoles, string ownerPath, SourceLocation ownerAt, string owner)
    {
        for (var j = 0; j < assumeRoles.Length; j++)
        {
            if (!_roles.Contains(assumeRoles[j]))
            {
                Report(
                    Locate($"{ownerPath}.assumeRoles[{j}]", ownerAt),
                    $"{owner} may assume '{assumeRoles[j]}', which is not an IAM role in this config",
                    Join(Spelling.DidYouMean(assumeRoles[j], _roles), "define it under iam.roles, or fix the name"));
            }
        }
    }

    private void CheckIamPath(string path, SourceLocation at)
    {
        if (!ConfigNames.IsIamPath(path))
        {
            Report(at, $"IAM path '{path}' is invalid", "use '/' or a path that starts and ends with '/', e.g. /teams/dev/");
        }
    }

    private void CheckPolicies(ImmutableArray<InlinePolicyConfig> policies, string ownerPath, SourceLocation ownerAt)
    {
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < policies.Length; i++)
        {
            var policy = policies[i];
            var path = $"{ownerPath}.policies[{i}]";
            var at = Locate(path, policy.Location == default ? ownerAt : policy.Location);
            var nameAt = Locate(path + ".name", at);
            if (!ConfigNames.IsIamName(policy.Name, 128))
            {
                Report(nameAt, $"inline policy name '{policy.Name}' is invalid", "use 1 to 128 letters, digits and +=,.@_-");
            }

            CheckDuplicate(first, policy.Name, nameAt, "inline policy");
            if (!policy.Document.ContainsKey("Statement"))
            {
                Report(Locate(path + ".document", at), $"inline policy '{policy.Name}' has no Statement", "add Version: \"2012-10-17\" and a Statement list to the document");
            }
        }
    }

    private void CheckTags(ImmutableSortedDictionary<string, string> tags, string ownerPath, SourceLocation ownerAt)
    {
        var at = Locate(ownerPath + ".tags", ownerAt);
        if (tags.Count > 50)
        {
            Report(at, $"{tags.Count} tags, but IAM allows at most 50", "remove some tags");
        }

        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > 128 || value.Length > 256 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                Report(Locate($"{ownerPath}.tags.{key}", at), $"tag '{key}' is invalid", "tag keys have 1 to 128 characters and may not start with 'aws:'; values have at most 256");
            }
        }
    }

    private void CheckUsername(string? username, SourceLocation at, string owner)
    {
        if (username is null)
        {
            return;
        }

        if (username.Length == 0)
        {
            Report(at, $"{owner} has an empty username", "remove the username key to use the default, or write a name");
            return;
        }

        if (!_usesAccessEntries)
        {
            return;
        }

        if (ReservedUsernamePrefixes.FirstOrDefault(p => username.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
        {
            Report(
                at,
                $"username '{username}' of {owner} starts with '{prefix}', which EKS access entries refuse",
                "choose a username without the system:, eks:, aws:, amazon: or iam: prefix");
        }

        var template = username.IndexOf("{{SessionName", StringComparison.Ordinal);
        if (template >= 0 && !username[..template].Contains(':', StringComparison.Ordinal))
        {
            Report(
                at,
                $"username '{username}' of {owner} uses {{{{SessionName}}}} with no ':' before it, which EKS access entries refuse",
                $"put a ':' before the placeholder, e.g. '{username[..template]}:{username[template..]}'");
        }
    }

    // ---- Kubernetes objects ----

    private void CheckNamespaces()
    {
        var namespaces = _config.Namespaces;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < namespaces.Length; i++)
        {
            var ns = namespaces[i];
            var path = $"namespaces[{i}]";
            var at = Locate(path, Fallback(ns.Location));
            var nameAt = Locate(path + ".name", at);
            if (!ConfigNames.IsDnsLabel(ns.Name))
            {
                Report(nameAt, $"namespace name '{ns.Name}' is not a valid DNS-1123 label", "use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
            }

            CheckDuplicate(first, ns.Name, nameAt, "namespace");
            _namespaces.Add(ns.Name);
            CheckLabels(ns.Labels, path, at);
            if (ns.Quota is { } quota)
            {
                var quotaAt = Locate(path + ".quota", at);
                CheckObjectName(quota.Name, Locate(path + ".quota.name", quotaAt), "ResourceQuota");
                foreach (var (resource, value) in quota.Hard)
                {
                    CheckQuantity(value, Locate($"{path}.quota.hard.{resource}", quotaAt), $"quota '{resource}'");
                }
            }

            if (ns.LimitRange is { } limitRange)
            {
                var limitAt = Locate(path + ".limitRange", at);
                CheckObjectName(limitRange.Name, Locate(path + ".limitRange.name", limitAt), "LimitRange");
                for (var j = 0; j < limitRange.Limits.Length; j++)
                {
                    var limit = limitRange.Limits[j];
                    var itemPath = $"{path}.limitRange.limits[{j}]";
                    var itemAt = Locate(itemPath, limitAt);
                    if (!LimitTypes.Contains(limit.Type, StringComparer.Ordinal))
                    {
                        Report(Locate(itemPath + ".type", itemAt), $"unknown LimitRange type '{limit.Type}'", Hint(limit.Type, LimitTypes, "use one of"));
                    }

                    foreach (var (section, values) in new[] { ("default", limit.Default), ("defaultRequest", limit.DefaultRequest), ("max", limit.Max), ("min", limit.Min) })
                    {
                        foreach (var (resource, value) in values)
                        {
                            CheckQuantity(value, Locate($"{itemPath}.{section}.{resource}", itemAt), $"{section} '{resource}'");
                        }
                    }
                }
            }
        }
    }

    private void CheckObjectName(string? name, SourceLocation at, string kind)
    {
        if (name is not null && !ConfigNames.IsDnsSubdomain(name))
        {
            Report(at, $"{kind} name '{name}' is not a valid Kubernetes object name", "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
        }
    }

    private void CheckQuantity(string value, SourceLocation at, string what)
    {
        if (!ConfigNames.IsQuantity(value))
        {
            Report(at, $"{what} value {Echo.Quote(value)} is not a Kubernetes quantity", "write a number with an optional suffix, e.g. \"500m\", \"2\", \"8Gi\"");
        }
    }

    private void CheckLabels(ImmutableSortedDictionary<string, string> labels, string ownerPath, SourceLocation ownerAt)
    {
        var at = Locate(ownerPath + ".labels", ownerAt);
        foreach (var (key, value) in labels)
        {
            var labelAt = Locate($"{ownerPath}.labels.{key}", at);
            if (!ConfigNames.IsLabelKey(key))
            {
                Report(labelAt, $"label key '{key}' is invalid", "use [prefix/]name where name has at most 63 letters, digits, '-', '_' and '.', starting and ending alphanumeric");
            }
            else if (!ConfigNames.IsLabelValue(value))
            {
                Report(labelAt, $"label value {Echo.Quote(value)} of '{key}' is invalid", "use at most 63 letters, digits, '-', '_' and '.', starting and ending alphanumeric (or empty)");
            }
        }
    }

    private void CheckRoleTemplates()
    {
        var templates = _config.Roles;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < templates.Length; i++)
        {
            var template = templates[i];
            var path = $"roles[{i}]";
            var at = Locate(path, Fallback(template.Location));
            var nameAt = Locate(path + ".name", at);
            CheckRbacName(template.Name, nameAt, "Role");
            CheckDuplicate(first, template.Name, nameAt, "Role");
            _roleTemplates.Add(template.Name);
            CheckRules(template.Rules, path, at, isClusterRole: false);
        }
    }

    private void CheckLogging(ClusterConfig cluster, SourceLocation at)
    {
        var types = cluster.ControlPlaneLogging ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < types.Length; i++)
        {
            var where = Locate($"cluster.logging[{i}]", at);
            if (!ClusterConfig.LogTypes.Contains(types[i], StringComparer.Ordinal))
            {
                Report(where, $"unknown control-plane log type '{types[i]}'", Join(Spelling.DidYouMean(types[i], ClusterConfig.LogTypes), "use api, audit, authenticator, controllerManager or scheduler"));
            }
            else if (!seen.Add(types[i]))
            {
                Report(where, $"control-plane log type '{types[i]}' is listed twice", "list each log type once");
            }
        }
    }

    private void CheckClusterRoles()
    {
        var clusterRoles = _config.ClusterRoles;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < clusterRoles.Length; i++)
        {
            var clusterRole = clusterRoles[i];
            var path = $"clusterRoles[{i}]";
            var at = Locate(path, Fallback(clusterRole.Location));
            var nameAt = Locate(path + ".name", at);
            CheckRbacName(clusterRole.Name, nameAt, "ClusterRole");
            if (IsBuiltInClusterRole(clusterRole.Name))
            {
                Report(nameAt, $"ClusterRole '{clusterRole.Name}' would replace a Kubernetes built-in ClusterRole", "choose another name; bind the built-in one without defining it");
            }

            CheckDuplicate(first, clusterRole.Name, nameAt, "ClusterRole");
            if (_roleTemplates.Contains(clusterRole.Name))
            {
                Report(nameAt, $"'{clusterRole.Name}' names both a Role template and a ClusterRole, so a team grant of it is ambiguous", "rename one of them");
            }

            _clusterRoles.Add(clusterRole.Name);
            CheckLabels(clusterRole.Labels, path, at);
            CheckRules(clusterRole.Rules, path, at, isClusterRole: true);
        }
    }

    private void CheckRbacName(string name, SourceLocation at, string kind)
    {
        if (!ConfigNames.IsRbacName(name))
        {
            Report(at, $"{kind} name '{name}' is invalid", "use 1 to 253 characters without '/' or '%' (and not '.' or '..')");
        }
    }

    private void CheckRules(ImmutableArray<PolicyRule> rules, string ownerPath, SourceLocation ownerAt, bool isClusterRole)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            var at = Locate($"{ownerPath}.rules[{i}]", ownerAt);
            if (rule.Verbs.IsEmpty)
            {
                Report(at, "the rule has no verbs", "add verbs, e.g. verbs: [get, list, watch] (or [\"*\"])");
            }

            var hasResources = !rule.ApiGroups.IsEmpty || !rule.Resources.IsEmpty || !rule.ResourceNames.IsEmpty;
            var hasUrls = !rule.NonResourceUrls.IsEmpty;
            if (hasUrls && !isClusterRole)
            {
                Report(at, "a Role cannot grant nonResourceURLs: they are not namespaced", "move this rule to a clusterRoles: entry and bind it with the team's clusterRoles");
            }
            else if (hasUrls && hasResources)
            {
                Report(at, "the rule mixes resources and nonResourceURLs", "split it into one rule with apiGroups/resources and one with nonResourceURLs");
            }
            else if (!hasUrls && !hasResources)
            {
                Report(at, "the rule names no resources", isClusterRole ? "add apiGroups and resources, or nonResourceURLs" : "add apiGroups and resources, e.g. apiGroups: [\"\"] and resources: [pods]");
            }
            else if (hasResources && rule.Resources.IsEmpty)
            {
                Report(at, "the rule has no resources", "add resources, e.g. resources: [pods] (or [\"*\"])");
            }
            else if (hasResources && rule.ApiGroups.IsEmpty)
            {
                Report(at, "the rule has resources but no apiGroups", "add apiGroups: [\"\"] for the core group (pods, services, …), or the resources' group such as apps");
            }

            for (var j = 0; j < rule.NonResourceUrls.Length; j++)
            {
                var url = rule.NonResourceUrls[j];
                var star = url.IndexOf('*', StringComparison.Ordinal);
                if (!(url.StartsWith('/') || string.Equals(url, "*", StringComparison.Ordinal)) || (star >= 0 && star != url.Length - 1))
                {
                    Report(Locate($"{ownerPath}.rules[{i}].nonResourceURLs[{j}]", at), $"nonResourceURL '{url}' is invalid", "start it with '/'; a '*' may only end it, e.g. /healthz or /metrics/*");
                }
            }
        }
    }

    // ---- teams ----

    private void CheckTeams()
    {
        var teams = _config.Teams;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < teams.Length; i++)
        {
            var team = teams[i];
            var path = $"teams[{i}]";
            var at = Locate(path, Fallback(team.Location));
            var nameAt = Locate(path + ".name", at);
            if (!ConfigNames.IsDnsSubdomain(team.Name))
            {
                Report(nameAt, $"team name '{team.Name}' is invalid", "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit: it names the team's bindings");
            }

            CheckDuplicate(first, team.Name, nameAt, "team");
            var groupAt = Locate(path + ".kubernetesGroup", nameAt);
            if (team.KubernetesGroup.Length == 0)
            {
                Report(groupAt, $"team '{team.Name}' has an empty kubernetesGroup", "remove the key to use the team name, or write a group name");
            }
            else if (_usesAccessEntries && team.KubernetesGroup.StartsWith("system:", StringComparison.Ordinal))
            {
                Report(
                    groupAt,
                    $"kubernetesGroup '{team.KubernetesGroup}' starts with 'system:', which EKS access entries refuse",
                    string.Equals(team.KubernetesGroup, "system:masters", StringComparison.Ordinal)
                        ? "grant cluster admin with accessPolicies: [{policyArn: AmazonEKSClusterAdminPolicy, accessScope: {type: cluster}}] or list the principal under admins"
                        : "choose a group name without the system: prefix");
            }

            for (var j = 0; j < team.Members.Length; j++)
            {
                CheckPrincipalReference(team.Members[j], Locate($"{path}.members[{j}]", at), $"team '{team.Name}' member", allowSession: false);
            }

            CheckGrants(team, path, at);
            CheckTeamClusterRoles(team, path, at);
            CheckAccessPolicies(team, path, at);
        }
    }

    private void CheckGrants(TeamConfig team, string path, SourceLocation at)
    {
        for (var j = 0; j < team.Namespaces.Length; j++)
        {
            var grant = team.Namespaces[j];
            var grantPath = $"{path}.namespaces[{j}]";
            var grantAt = Locate(grantPath, grant.Location == default ? at : grant.Location);
            if (!_namespaces.Contains(grant.Namespace) && !BuiltInNamespaces.Contains(grant.Namespace, StringComparer.Ordinal))
            {
                Report(
                    Locate(grantPath + ".namespace", grantAt),
                    $"team '{team.Name}' is granted namespace '{grant.Namespace}', which is not defined",
                    Join(Spelling.DidYouMean(grant.Namespace, _namespaces), "define it under namespaces:, or fix the name"));
            }

            if (!_roleTemplates.Contains(grant.Role) && !_clusterRoles.Contains(grant.Role) && !IsBuiltInClusterRole(grant.Role))
            {
                Report(
                    Locate(grantPath + ".role", grantAt),
                    $"team '{team.Name}' is granted role '{grant.Role}', which is neither a roles: template, a clusterRoles: entry nor a built-in ClusterRole",
                    Join(Spelling.DidYouMean(grant.Role, [.. _roleTemplates, .. _clusterRoles, .. BuiltInClusterRoles.All]), "define it under roles: or clusterRoles:, or use admin, edit or view"));
            }
        }
    }

    private void CheckTeamClusterRoles(TeamConfig team, string path, SourceLocation at)
    {
        for (var j = 0; j < team.ClusterRoles.Length; j++)
        {
            var name = team.ClusterRoles[j];
            var roleAt = Locate($"{path}.clusterRoles[{j}]", at);
            if (_clusterRoles.Contains(name) || IsBuiltInClusterRole(name) || name.StartsWith("system:", StringComparison.Ordinal))
            {
                continue;
            }

            if (_roleTemplates.Contains(name))
            {
                Report(roleAt, $"'{name}' is a namespaced Role template, not a ClusterRole, so it cannot be bound cluster-wide", $"grant it per namespace under teams[].namespaces (namespace: …, role: {name}), or define a ClusterRole");
                continue;
            }

            Report(
                roleAt,
                $"team '{team.Name}' is bound to ClusterRole '{name}', which is not defined",
                Join(Spelling.DidYouMean(name, [.. _clusterRoles, .. BuiltInClusterRoles.All]), "define it under clusterRoles:, or use a built-in one (cluster-admin, admin, edit, view)"));
        }
    }

    private void CheckAccessPolicies(TeamConfig team, string path, SourceLocation at)
    {
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var j = 0; j < team.AccessPolicies.Length; j++)
        {
            var policy = team.AccessPolicies[j];
            var policyPath = $"{path}.accessPolicies[{j}]";
            var policyAt = Locate(policyPath, policy.Location == default ? at : policy.Location);
            var arnAt = Locate(policyPath + ".policyArn", policyAt);
            if (!_usesAccessEntries)
            {
                Report(
                    policyAt,
                    $"team '{team.Name}' has access policies, but accessMethod awsAuth has no access entries to associate them with",
                    "set cluster.accessMethod: accessEntries (or both), or grant the same through roles and clusterRoles");
            }

            if (!AccessPolicyCatalog.TryGet(policy.PolicyArn, out var definition))
            {
                var name = policy.PolicyArn[(policy.PolicyArn.LastIndexOf('/') + 1)..];
                Report(
                    arnAt,
                    $"unknown access policy '{policy.PolicyArn}'",
                    Join(Spelling.DidYouMean(name, AccessPolicyCatalog.All.Select(p => p.Name)), "use a policy name such as AmazonEKSViewPolicy (aws eks list-access-policies lists them)"));
            }
            else
            {
                if (first.TryGetValue(definition.Name, out var earlier))
                {
                    Report(
                        arnAt,
                        $"team '{team.Name}' lists access policy '{definition.Name}' twice, but EKS associates a policy with an access entry only once",
                        $"merge the two into one entry (the first is at line {earlier.Line}, column {earlier.Column}) with all the namespaces");
                }
                else
                {
                    first.Add(definition.Name, arnAt);
                }

                if (!definition.CustomerAssociable)
                {
                    Report(arnAt, $"access policy '{definition.Name}' is reserved for AWS services and cannot be associated with your principals", "use AmazonEKSViewPolicy, AmazonEKSEditPolicy, AmazonEKSAdminPolicy or AmazonEKSClusterAdminPolicy");
                }

                if (policy.PolicyArn.StartsWith("arn:", StringComparison.Ordinal) && _partition is not null
                    && !string.Equals(policy.PolicyArn, definition.ArnFor(_partition), StringComparison.Ordinal))
                {
                    Report(arnAt, $"access policy ARN '{policy.PolicyArn}' does not match the cluster's partition '{_partition}'", $"write {definition.ArnFor(_partition)}, or just {definition.Name}");
                }
            }

            var scope = policy.AccessScope;
            var scopePath = policyPath + ".accessScope";
            var scopeAt = Locate(scopePath, policyAt);
            if (!ScopeTypes.Contains(scope.Type, StringComparer.Ordinal))
            {
                Report(Locate(scopePath + ".type", scopeAt), $"unknown accessScope type '{scope.Type}'", Hint(scope.Type, ScopeTypes, "use"));
            }
            else if (scope.IsCluster && !scope.Namespaces.IsEmpty)
            {
                Report(Locate(scopePath + ".namespaces", scopeAt), "a cluster-scoped access policy takes no namespaces", "remove namespaces, or set type: namespace to limit the policy to them");
            }
            else if (!scope.IsCluster && scope.Namespaces.IsEmpty)
            {
                Report(scopeAt, "a namespace-scoped access policy needs namespaces", "add namespaces: [NAME, …] (wildcards such as dev-* work), or set type: cluster");
            }

            for (var k = 0; k < scope.Namespaces.Length; k++)
            {
                var ns = scope.Namespaces[k];
                if (!ConfigNames.IsNamespacePattern(ns))
                {
                    Report(Locate($"{scopePath}.namespaces[{k}]", scopeAt), $"'{ns}' is not a namespace name or pattern", "use a DNS-1123 label, optionally with '*' wildcards such as dev-*");
                }
            }
        }
    }

    // ---- admins and tests ----

    private void CheckAdmins()
    {
        var admins = _config.Admins;
        if (admins.IsEmpty)
        {
            Report(
                Locate("admins", _fileStart),
                "the cluster would have no admin: admins is empty",
                "add 'admins: [{principal: ROLE_ARN_OR_CONFIG_NAME}]' with the principal that keeps cluster-admin access");
        }

        for (var i = 0; i < admins.Length; i++)
        {
            var admin = admins[i];
            var path = $"admins[{i}]";
            var at = Locate(path, Fallback(admin.Location));
            CheckPrincipalReference(admin.Principal, Locate(path + ".principal", at), "admin", allowSession: false);
            CheckUsername(admin.Username, Locate(path + ".username", at), $"admin '{admin.Principal}'");
        }
    }

    private void CheckTests()
    {
        var tests = _config.Tests;
        for (var i = 0; i < tests.Length; i++)
        {
            var test = tests[i];
            var path = $"tests[{i}]";
            var at = Locate(path, Fallback(test.Location));
            CheckPrincipalReference(test.As, Locate(path + ".as", at), "test principal", allowSession: true);
            CheckChecks(test.Allow, path + ".allow", at);
            CheckChecks(test.Deny, path + ".deny", at);
        }
    }

    private void CheckChecks(ImmutableArray<TestCheck> checks, string path, SourceLocation at)
    {
        for (var j = 0; j < checks.Length; j++)
        {
            var check = checks[j];
            if (!CanIQueryParser.TryParse(check.Text, out _, out var error))
            {
                Report(
                    Locate($"{path}[{j}]", check.Location == default ? at : check.Location),
                    $"test '{check.Text}' does not parse: {error}",
                    $"write kubectl auth can-i arguments: {CanIQueryParser.Usage}");
            }
        }
    }

    // ---- principals ----

    /// <summary>A config user/role name, or an IAM user/role ARN (an STS session ARN too when <paramref name="allowSession"/>).</summary>
    private void CheckPrincipalReference(string value, SourceLocation at, string what, bool allowSession)
    {
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            string[] kinds = allowSession
                ? [IamArnSyntax.RoleKind, IamArnSyntax.UserKind, IamArnSyntax.AssumedRoleKind]
                : [IamArnSyntax.RoleKind, IamArnSyntax.UserKind];
            CheckArn(value, at, what, kinds, []);
            return;
        }

        var isUser = _users.Contains(value);
        var isRole = _roles.Contains(value);
        if (isUser && isRole)
        {
            Report(at, $"{what} {Echo.Quote(value)} names both an IAM user and an IAM role", $"write the ARN instead: arn:{PartitionOrDefault}:iam::{AccountOrExample}:user/{value} or …:role/{value}");
        }
        else if (!isUser && !isRole)
        {
            Report(
                at,
                $"{what} {Echo.Quote(value)} is neither an IAM user or role in this config nor an IAM ARN",
                Join(Spelling.DidYouMean(value, [.. _users, .. _roles]), $"define it under iam.users or iam.roles, or write its ARN, e.g. arn:{PartitionOrDefault}:iam::{AccountOrExample}:role/{(value.Length == 0 ? "NAME" : value)}"));
        }
    }

    /// <summary>Checks an IAM ARN's form, kind, partition and account (the cluster's, a trusted one, or one of <paramref name="extraAccounts"/>).</summary>
    private void CheckArn(string value, SourceLocation at, string what, string[] kinds, ImmutableArray<string> extraAccounts)
    {
        var example = $"arn:{PartitionOrDefault}:iam::{AccountOrExample}:{kinds[0]}/NAME";
        if (!IamArnSyntax.TryParse(value, out var arn, out var problem))
        {
            Report(at, $"{what} {Echo.Quote(value)} is not a valid IAM ARN: {problem}", $"write it as {example}");
            return;
        }

        // The evaluator's parser (verify, whoami, can-i) must never be the first to refuse what validate accepted.
        if (!IamPrincipalArn.TryParse(value, out _, out var principalProblem))
        {
            Report(at, $"{what} is not a principal ARN: {principalProblem}", $"write it as {example}");
            return;
        }

        if (!kinds.Contains(arn.Kind, StringComparer.Ordinal))
        {
            var hint = string.Equals(arn.Kind, IamArnSyntax.AssumedRoleKind, StringComparison.Ordinal)
                ? $"use the role's ARN, arn:{arn.Partition}:iam::{arn.Account}:role/{arn.Name}: sessions come and go, the role stays"
                : $"write it as {example}";
            Report(at, $"{what} {Echo.Quote(value)} is {KindPhrase(arn.Kind)}, but {string.Join(" or ", kinds.Select(KindPhrase))} is expected here", hint);
            return;
        }

        if (_partition is not null && !string.Equals(arn.Partition, _partition, StringComparison.Ordinal))
        {
            Report(at, $"{what} {Echo.Quote(value)} is in partition '{arn.Partition}', but the cluster is in '{_partition}'", $"write arn:{_partition}:… (the partition follows cluster.region)");
            return;
        }

        if (_account is not null && !string.Equals(arn.Account, _account, StringComparison.Ordinal)
            && !_config.Cluster.TrustedAccountIds.Contains(arn.Account, StringComparer.Ordinal)
            && !extraAccounts.Contains(arn.Account, StringComparer.Ordinal))
        {
            Report(
                at,
                $"{what} {Echo.Quote(value)} is in account {arn.Account}, which is neither the cluster's account {_account} nor in cluster.trustedAccountIds",
                $"add \"{arn.Account}\" to cluster.trustedAccountIds if that account should have access, or fix the account ID");
        }
    }

    private static string KindPhrase(string kind) => kind switch
    {
        IamArnSyntax.UserKind => "an IAM user ARN",
        IamArnSyntax.RoleKind => "an IAM role ARN",
        IamArnSyntax.RootKind => "an account root ARN",
        _ => "an STS assumed-role (session) ARN",
    };

    // ---- helpers ----

    private static bool IsBuiltInClusterRole(string name) => BuiltInClusterRoles.Contains(name);

    private void CheckDuplicate(Dictionary<string, SourceLocation> first, string name, SourceLocation at, string kind)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (first.TryGetValue(name, out var earlier))
        {
            Report(at, $"duplicate {kind} '{name}'", $"the first is at line {earlier.Line}, column {earlier.Column}; rename or remove one");
        }
        else
        {
            first.Add(name, at);
        }
    }

    private SourceLocation Locate(string path, SourceLocation fallback) => _map.Locate(path, fallback);

    private SourceLocation Fallback(SourceLocation recordLocation) => recordLocation.File is null ? _fileStart : recordLocation;

    private static string Hint(string value, IEnumerable<string> allowed, string lead)
    {
        var list = allowed.ToList();
        var all = $"{lead} {string.Join(", ", list)}";
        return Spelling.DidYouMean(value, list) is { } didYouMean ? $"{didYouMean} ({all})" : all;
    }

    private static string Join(string? didYouMean, string otherwise) => didYouMean is null ? otherwise : $"{didYouMean} Otherwise {otherwise}";

    private static string Wire(AccessMethod method) => method switch
    {
        AccessMethod.AccessEntries => "accessEntries",
        AccessMethod.AwsAuth => "awsAuth",
        _ => "both",
    };

    private void Report(SourceLocation at, string message, string hint) => _diagnostics.Add(new Diagnostic(at, message, hint));
}
