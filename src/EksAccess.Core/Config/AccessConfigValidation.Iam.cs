using EksAccess.Core.Text;
using System.Collections.Immutable;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

internal sealed partial class AccessConfigValidation
{
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

}
