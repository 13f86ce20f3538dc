using EksAccess.Core.Text;
using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Diagnostics;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Config;

internal sealed partial class AccessConfigValidation
{
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

}
