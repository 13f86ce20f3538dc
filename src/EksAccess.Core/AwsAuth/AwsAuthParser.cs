using EksAccess.Core.Text;
using System.Collections.Immutable;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Diagnostics;
using EksAccess.Core.Identity;

namespace EksAccess.Core.AwsAuth;

/// <summary>
/// Reads the aws-auth ConfigMap with aws-iam-authenticator's tolerance (pkg/mapper/configmap ParseMap): each of
/// <c>mapRoles</c>, <c>mapUsers</c>, <c>mapAccounts</c> (case-sensitive keys) is parsed on its own, so a YAML error
/// drops that section only; the sections go YAML → JSON → Go structs, so keys inside an entry are matched
/// case-insensitively, a value of the wrong type drops just that field, and entries without an ARN are dropped.
/// Every drop, and every entry that can never match, gets a diagnostic pointing into the snapshot file.
/// </summary>
public static class AwsAuthParser
{
    public const string ConfigMapNamespace = AwsAuthNames.ConfigMapNamespace;
    public const string ConfigMapName = AwsAuthNames.ConfigMapName;

    private const string RoleArnField = "rolearn";
    private const string UserArnField = "userarn";
    private const string UsernameField = "username";
    private const string GroupsField = "groups";
    private const string SsoField = "sso";

    private static readonly string[] SectionKeys = [AwsAuthRoleMapping.Section, AwsAuthUserMapping.Section, AwsAuthAccountMapping.Section];
    private static readonly string[] RoleFields = [RoleArnField, SsoField, UsernameField, GroupsField];
    private static readonly string[] UserFields = [UserArnField, UsernameField, GroupsField];

    public static AwsAuthMappings Parse(ConfigMapObject configMap)
    {
        ArgumentNullException.ThrowIfNull(configMap);

        var locator = new AwsAuthLocator(configMap);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        if (!string.Equals(configMap.Namespace, ConfigMapNamespace, StringComparison.Ordinal)
            || !string.Equals(configMap.Name, ConfigMapName, StringComparison.Ordinal))
        {
            diagnostics.Add(new Diagnostic(
                new SourceLocation(locator.File, locator.ObjectLine, locator.ObjectLine > 0 ? 1 : 0),
                $"ConfigMap {configMap.Namespace}/{configMap.Name} is not read by aws-iam-authenticator",
                $"only {ConfigMapNamespace}/{ConfigMapName} maps IAM principals"));
            return AwsAuthMappings.Empty with { Diagnostics = diagnostics.ToImmutable() };
        }

        foreach (var key in configMap.Data.Keys.Order(StringComparer.Ordinal))
        {
            if (SectionKeys.Contains(key, StringComparer.Ordinal))
            {
                continue;
            }

            var meant = Spelling.NearMiss(key, SectionKeys);
            if (meant is not null)
            {
                diagnostics.Add(new Diagnostic(
                    locator.LocateKey(key),
                    $"aws-auth data key '{key}' is ignored: the authenticator reads only '{meant}' (keys are case-sensitive)",
                    $"rename it to '{meant}'"));
            }
        }

        // Each section is read on its own (ParseMap): one that is not YAML is dropped whole, the others still map.
        var unreadable = ImmutableArray.CreateBuilder<Diagnostic>();
        var roles = ParseRoles(ReadSection(configMap, AwsAuthRoleMapping.Section, locator, unreadable), locator, diagnostics);
        var users = ParseUsers(ReadSection(configMap, AwsAuthUserMapping.Section, locator, unreadable), locator, diagnostics);
        var accounts = ParseAccounts(ReadSection(configMap, AwsAuthAccountMapping.Section, locator, unreadable), locator, diagnostics);
        diagnostics.AddRange(unreadable);
        ReportDuplicates(roles, users, diagnostics);

        return new AwsAuthMappings(roles, users, [.. accounts.Select(account => account.AccountId)], diagnostics.ToImmutable())
        {
            AccountMappings = accounts,
            UnreadableSections = unreadable.ToImmutable(),
        };
    }

    private static ImmutableArray<AwsAuthRoleMapping> ParseRoles(AwsAuthYamlNode? root, AwsAuthLocator locator, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        const string section = AwsAuthRoleMapping.Section;
        var result = ImmutableArray.CreateBuilder<AwsAuthRoleMapping>();
        foreach (var (index, entry) in ReadEntries(root, section, locator, diagnostics))
        {
            var location = locator.Locate(section, entry.Line, entry.Column);
            var fields = DecodeEntry(entry, section, index, RoleFields, locator, diagnostics);
            var name = $"aws-auth {section}[{index}]";
            if (string.IsNullOrEmpty(fields.Arn))
            {
                diagnostics.Add(fields.HasSso
                    ? new Diagnostic(location,
                        $"{name} matches roles with an 'sso' matcher, which the authenticator applies only behind a feature gate; eksaccess treats it as matching nothing",
                        "map the SSO role by its rolearn, written without the aws-reserved/sso.amazonaws.com/<region>/ path")
                    : new Diagnostic(location,
                        $"{name} has no rolearn; the authenticator drops it",
                        fields.OtherArnKey is null ? "add rolearn: arn:aws:iam::<account>:role/<name>" : "it has 'userarn': user mappings go under mapUsers"));
                continue;
            }

            if (fields.HasSso)
            {
                diagnostics.Add(new Diagnostic(location, $"{name} has both rolearn and sso; the authenticator drops it", "keep only rolearn"));
                continue;
            }

            ReportMissingUsername(fields, name, location, diagnostics);
            ReportUnmatchableArn(fields.Arn, section, name, location, diagnostics);
            result.Add(new AwsAuthRoleMapping(index, fields.Arn, fields.Username, fields.Groups ?? [], location));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<AwsAuthUserMapping> ParseUsers(AwsAuthYamlNode? root, AwsAuthLocator locator, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        const string section = AwsAuthUserMapping.Section;
        var result = ImmutableArray.CreateBuilder<AwsAuthUserMapping>();
        foreach (var (index, entry) in ReadEntries(root, section, locator, diagnostics))
        {
            var location = locator.Locate(section, entry.Line, entry.Column);
            var fields = DecodeEntry(entry, section, index, UserFields, locator, diagnostics);
            var name = $"aws-auth {section}[{index}]";
            if (string.IsNullOrEmpty(fields.Arn))
            {
                diagnostics.Add(new Diagnostic(location,
                    $"{name} has no userarn; the authenticator drops it",
                    fields.OtherArnKey is null ? "add userarn: arn:aws:iam::<account>:user/<name>" : "it has 'rolearn': role mappings go under mapRoles"));
                continue;
            }

            ReportMissingUsername(fields, name, location, diagnostics);
            ReportUnmatchableArn(fields.Arn, section, name, location, diagnostics);
            result.Add(new AwsAuthUserMapping(index, fields.Arn, fields.Username, fields.Groups ?? [], location));
        }

        return result.ToImmutable();
    }

    /// <summary>The items of a mapRoles/mapUsers section (null items included, as Go decodes them to empty entries).</summary>
    private static IEnumerable<(int Index, AwsAuthYamlNode Entry)> ReadEntries(
        AwsAuthYamlNode? root, string section, AwsAuthLocator locator, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        switch (root)
        {
            case null:
                yield break;
            case AwsAuthYamlScalar { Type: AwsAuthScalarType.Null }:
                yield break;
            case AwsAuthYamlSequence sequence:
                for (var index = 0; index < sequence.Items.Length; index++)
                {
                    yield return (index, sequence.Items[index]);
                }

                yield break;
            default:
                diagnostics.Add(new Diagnostic(
                    locator.Locate(section, root.Line, root.Column),
                    $"aws-auth {section} is {root.JsonTypeName}, not a list; the authenticator drops the whole section",
                    "start each entry with '- '"));
                yield break;
        }
    }

    /// <summary>The section's first document; null (with a diagnostic in <paramref name="unreadable"/>) when it is no YAML.</summary>
    private static AwsAuthYamlNode? ReadSection(ConfigMapObject configMap, string section, AwsAuthLocator locator, ImmutableArray<Diagnostic>.Builder unreadable)
    {
        if (!configMap.Data.TryGetValue(section, out var text) || IsSkippable(text))
        {
            return null;
        }

        var root = AwsAuthYamlReader.Read(text, out var error);
        if (error is not null)
        {
            unreadable.Add(new Diagnostic(
                locator.Locate(section, error.Line, error.Column),
                error.TooDeep
                    ? $"aws-auth {section} is {InputLimits.TooDeepMessage}; eksaccess reads no entry of {section}, as if the authenticator dropped the section"
                    : $"aws-auth {section} is not valid YAML ({error.Message}); the authenticator drops the whole {section} section",
                "fix the YAML: the other sections are still read"));
            return null;
        }

        return root;
    }

    /// <summary>Empty text, <c>""</c>, <c>''</c> and two backticks mean "no entries" (upstream isSkippable).</summary>
    private static bool IsSkippable(string text) => text.Trim() is "" or "``" or "\"\"" or "''";

    private static EntryFields DecodeEntry(
        AwsAuthYamlNode entry, string section, int index, string[] knownFields, AwsAuthLocator locator, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var fields = new EntryFields();
        var name = $"aws-auth {section}[{index}]";
        if (entry is AwsAuthYamlScalar { Type: AwsAuthScalarType.Null })
        {
            return fields;
        }

        if (entry is not AwsAuthYamlMapping mapping)
        {
            diagnostics.Add(new Diagnostic(
                locator.Locate(section, entry.Line, entry.Column),
                $"{name} is {entry.JsonTypeName}, not a mapping; the authenticator drops it",
                "write the entry as 'rolearn: …', 'username: …', 'groups: […]' keys"));
            return fields;
        }

        // yaml.v2 keeps the last of duplicate keys; the JSON it produces has its keys sorted (byte order), and Go's
        // json matches keys to fields exactly or else case-insensitively, a later key overwriting an earlier one.
        var byKey = new Dictionary<string, KeyValuePair<AwsAuthYamlScalar, AwsAuthYamlNode>>(StringComparer.Ordinal);
        foreach (var pair in mapping.Entries)
        {
            if (byKey.ContainsKey(pair.Key.Value))
            {
                diagnostics.Add(new Diagnostic(
                    locator.Locate(section, pair.Key.Line, pair.Key.Column),
                    $"{name} sets '{pair.Key.Value}' again; the authenticator keeps the last value",
                    "remove the duplicate key"));
            }

            byKey[pair.Key.Value] = pair;
        }

        var keysPerField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, (keyNode, value)) in byKey.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var field = knownFields.FirstOrDefault(candidate => string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                ReportUnknownKey(key, keyNode, section, name, knownFields, locator, diagnostics, fields);
                continue;
            }

            if (!keysPerField.TryGetValue(field, out var keys))
            {
                keysPerField[field] = keys = [];
            }

            keys.Add(key);
            var where = $"{name}.{key}";
            switch (field)
            {
                case RoleArnField or UserArnField:
                    fields.Arn = DecodeString(value, where, section, locator, diagnostics) ?? fields.Arn;
                    break;
                case UsernameField:
                    fields.Username = DecodeString(value, where, section, locator, diagnostics) ?? fields.Username;
                    break;
                case GroupsField:
                    fields.Groups = DecodeGroups(value, where, section, locator, diagnostics, fields.Groups);
                    break;
                case SsoField:
                    fields.HasSso = DecodeSso(value, where, section, locator, diagnostics, fields.HasSso);
                    break;
            }
        }

        foreach (var (field, keys) in keysPerField.Where(pair => pair.Value.Count > 1))
        {
            diagnostics.Add(new Diagnostic(
                locator.Locate(section, mapping.Line, mapping.Column),
                $"{name} sets {field} {keys.Count} times ({string.Join(", ", keys.Select(key => $"'{key}'"))}, keys are case-insensitive); the authenticator keeps the value of '{keys[^1]}'",
                "keep one key"));
        }

        return fields;
    }

    private static void ReportUnknownKey(
        string key, AwsAuthYamlScalar keyNode, string section, string name, string[] knownFields,
        AwsAuthLocator locator, ImmutableArray<Diagnostic>.Builder diagnostics, EntryFields fields)
    {
        if (string.Equals(key, UserArnField, StringComparison.OrdinalIgnoreCase) || string.Equals(key, RoleArnField, StringComparison.OrdinalIgnoreCase))
        {
            // Reported with the missing ARN: "has no rolearn … it has 'userarn'".
            fields.OtherArnKey = key;
            return;
        }

        var meant = Spelling.NearMiss(key, knownFields);
        var hint = meant is null ? $"the authenticator reads only {string.Join(", ", knownFields)}" : $"did you mean '{meant}'?";
        diagnostics.Add(new Diagnostic(
            locator.Locate(section, keyNode.Line, keyNode.Column),
            $"{name} key '{key}' is not read by the authenticator",
            hint));
    }

    /// <summary>A string field: a JSON null leaves it as it was; any other non-string drops the field (Go's UnmarshalTypeError).</summary>
    private static string? DecodeString(AwsAuthYamlNode value, string where, string section, AwsAuthLocator locator, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        switch (value)
        {
            case AwsAuthYamlScalar { Type: AwsAuthScalarType.String } scalar:
                return scalar.Value;
            case AwsAuthYamlScalar { Type: AwsAuthScalarType.Null }:
                return null;
            default:
                diagnostics.Add(new Diagnostic(
                    locator.Locate(section, value.Line, value.Column),
                    $"{where} is {value.JsonTypeName}, not a string; the authenticator ignores the field",
                    "quote the value"));
                return null;
        }
    }

    /// <summary>The groups list: null clears it; a non-list drops the field; non-string items become empty groups (as Go decodes them).</summary>
    private static ImmutableArray<string>? DecodeGroups(
        AwsAuthYamlNode value, string where, string section, AwsAuthLocator locator, ImmutableArray<Diagnostic>.Builder diagnostics, ImmutableArray<string>? current)
    {
        switch (value)
        {
            case AwsAuthYamlScalar { Type: AwsAuthScalarType.Null }:
                return null;
            case AwsAuthYamlSequence sequence:
                var groups = ImmutableArray.CreateBuilder<string>(sequence.Items.Length);
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    switch (sequence.Items[i])
                    {
                        case AwsAuthYamlScalar { Type: AwsAuthScalarType.String } scalar:
                            if (scalar.Value.Contains(" - ", StringComparison.Ordinal))
                            {
                                diagnostics.Add(new Diagnostic(
                                    locator.Locate(section, scalar.Line, scalar.Column),
                                    $"{where}[{i}] '{scalar.Value}' looks like list items folded into one by a mis-indented '- ' line; the authenticator uses it as one group name",
                                    "align the '- ' lines of the list"));
                            }

                            groups.Add(scalar.Value);
                            break;
                        case AwsAuthYamlScalar { Type: AwsAuthScalarType.Null } scalar:
                            diagnostics.Add(new Diagnostic(
                                locator.Locate(section, scalar.Line, scalar.Column),
                                $"{where}[{i}] is empty; the authenticator keeps an empty group name",
                                "remove the empty item"));
                            groups.Add("");
                            break;
                        case var item:
                            diagnostics.Add(new Diagnostic(
                                locator.Locate(section, item.Line, item.Column),
                                $"{where}[{i}] is {item.JsonTypeName}, not a string; the authenticator keeps an empty group name in its place",
                                "quote the group name"));
                            groups.Add("");
                            break;
                    }
                }

                return groups.MoveToImmutable();
            default:
                diagnostics.Add(new Diagnostic(
                    locator.Locate(section, value.Line, value.Column),
                    $"{where} is {value.JsonTypeName}, not a list; the authenticator ignores the field, so the entry maps to no groups",
                    "write groups as a list: '- name' lines or [name, …]"));
                return current;
        }
    }

    private static bool DecodeSso(
        AwsAuthYamlNode value, string where, string section, AwsAuthLocator locator, ImmutableArray<Diagnostic>.Builder diagnostics, bool current)
    {
        switch (value)
        {
            case AwsAuthYamlMapping:
                return true;
            case AwsAuthYamlScalar { Type: AwsAuthScalarType.Null }:
                return false;
            default:
                diagnostics.Add(new Diagnostic(
                    locator.Locate(section, value.Line, value.Column),
                    $"{where} is {value.JsonTypeName}, not a mapping; the authenticator ignores the field",
                    "sso takes permissionSetName, accountID and partition"));
                return current;
        }
    }

    private static void ReportMissingUsername(EntryFields fields, string name, SourceLocation location, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        if (string.IsNullOrEmpty(fields.Username))
        {
            diagnostics.Add(new Diagnostic(
                location,
                $"{name} has no username; EKS authenticates it with an empty username, which breaks aggregated APIs such as kubectl top",
                "always set a username (for example the ARN, as CDK does)"));
        }
    }

    private static void ReportUnmatchableArn(string arn, string section, string name, SourceLocation location, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var isRoleSection = string.Equals(section, AwsAuthRoleMapping.Section, StringComparison.Ordinal);
        var field = isRoleSection ? RoleArnField : UserArnField;
        if (!IamPrincipalArn.TryParse(arn, out var principal, out var error))
        {
            diagnostics.Add(new Diagnostic(location, $"{name} {field} never matches a caller: {error}", "write the ARN exactly as IAM shows it"));
            return;
        }

        if (principal.Kind == IamPrincipalKind.AssumedRole)
        {
            diagnostics.Add(new Diagnostic(
                location,
                $"{name} {field} {arn} is an STS session ARN; callers are compared after canonicalization (as {principal.Canonicalize().Value}), so it never matches",
                $"write {principal.Canonicalize().Value}"));
            return;
        }

        if (principal.Kind == IamPrincipalKind.Role && principal.HasPath)
        {
            diagnostics.Add(new Diagnostic(
                location,
                $"{name} {field} {arn} has a path; sessions of that role are compared as {principal.WithoutPath().Value}, so it never matches",
                $"write {principal.WithoutPath().Value} (aws-auth ARNs must not contain a role path)"));
            return;
        }

        if (isRoleSection && principal.Kind != IamPrincipalKind.Role)
        {
            diagnostics.Add(new Diagnostic(
                location,
                $"{name} rolearn {arn} is not a role; it still matches (the authenticator compares only the ARN string) but belongs under mapUsers",
                "move it to mapUsers as userarn"));
        }
        else if (!isRoleSection && principal.Kind == IamPrincipalKind.Role)
        {
            diagnostics.Add(new Diagnostic(
                location,
                $"{name} userarn {arn} is a role; it still matches (the authenticator compares only the ARN string) but belongs under mapRoles",
                "move it to mapRoles as rolearn"));
        }
    }

    private static ImmutableArray<AwsAuthAccountMapping> ParseAccounts(AwsAuthYamlNode? root, AwsAuthLocator locator, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        const string section = AwsAuthAccountMapping.Section;
        if (root is null or AwsAuthYamlScalar { Type: AwsAuthScalarType.Null })
        {
            return [];
        }

        if (root is not AwsAuthYamlSequence sequence)
        {
            diagnostics.Add(new Diagnostic(
                locator.Locate(section, root.Line, root.Column),
                $"aws-auth {section} is {root.JsonTypeName}, not a list; the authenticator ignores it",
                "write one '- \"<account id>\"' line per account"));
            return [];
        }

        // mapAccounts is decoded by yaml.v2 straight into []string: any scalar keeps its text (numbers included);
        // a mapping or list item is skipped.
        var result = ImmutableArray.CreateBuilder<AwsAuthAccountMapping>();
        for (var index = 0; index < sequence.Items.Length; index++)
        {
            var item = sequence.Items[index];
            var location = locator.Locate(section, item.Line, item.Column);
            if (item is not AwsAuthYamlScalar scalar)
            {
                diagnostics.Add(new Diagnostic(location, $"aws-auth {section}[{index}] is {item.JsonTypeName}, not an account id; the authenticator skips it", "write the 12-digit account id"));
                continue;
            }

            if (scalar.Type == AwsAuthScalarType.Null || scalar.Value.Length == 0)
            {
                diagnostics.Add(new Diagnostic(location, $"aws-auth {section}[{index}] is empty; it matches no account", "remove the empty item"));
                continue;
            }

            if (scalar.Value.Length != 12 || !scalar.Value.All(char.IsAsciiDigit))
            {
                diagnostics.Add(new Diagnostic(location, $"aws-auth {section}[{index}] '{scalar.Value}' is not a 12-digit account id; it never matches", "write the account id as a quoted 12-digit string"));
            }

            result.Add(new AwsAuthAccountMapping(index, scalar.Value, location));
        }

        return result.ToImmutable();
    }

    private static void ReportDuplicates(ImmutableArray<AwsAuthRoleMapping> roles, ImmutableArray<AwsAuthUserMapping> users, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        // Roles are stored by lower-cased ARN: the last entry wins.
        foreach (var group in roles.GroupBy(role => role.RoleArn.ToLowerInvariant(), StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            var winner = group.Last();
            foreach (var loser in group.SkipLast(1))
            {
                diagnostics.Add(new Diagnostic(
                    loser.Location,
                    $"aws-auth mapRoles[{loser.Index}] is overridden by mapRoles[{winner.Index}], which names the same role (ARNs compare case-insensitively); the authenticator keeps only the last",
                    "remove the duplicate (eksctl's --no-duplicate-arns refuses them)"));
            }
        }

        // Users are stored by the ARN as written: exact duplicates, the last wins; case variants are all kept and
        // the authenticator picks one of them at random.
        foreach (var group in users.GroupBy(user => user.UserArn, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            var winner = group.Last();
            foreach (var loser in group.SkipLast(1))
            {
                diagnostics.Add(new Diagnostic(
                    loser.Location,
                    $"aws-auth mapUsers[{loser.Index}] is overridden by mapUsers[{winner.Index}], which names the same user; the authenticator keeps only the last",
                    "remove the duplicate"));
            }
        }

        var lastPerExactArn = users.GroupBy(user => user.UserArn, StringComparer.Ordinal).Select(group => group.Last());
        foreach (var group in lastPerExactArn.GroupBy(user => user.UserArn.ToLowerInvariant(), StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            var indexes = string.Join(", ", group.Select(user => $"mapUsers[{user.Index}]"));
            diagnostics.Add(new Diagnostic(
                group.First().Location,
                $"aws-auth {indexes} name the same user in different letter case; the authenticator picks one of them at random for each request",
                "keep one entry"));
        }

        var roleArns = roles.Select(role => role.RoleArn.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var user in users.Where(user => roleArns.Contains(user.UserArn.ToLowerInvariant())))
        {
            diagnostics.Add(new Diagnostic(
                user.Location,
                $"aws-auth mapUsers[{user.Index}] is shadowed by a mapRoles entry with the same ARN; the authenticator checks mapRoles first",
                "remove one of them"));
        }
    }

    private sealed class EntryFields
    {
        public string? Arn { get; set; }

        public string? Username { get; set; }

        public ImmutableArray<string>? Groups { get; set; }

        public bool HasSso { get; set; }

        /// <summary>A userarn key in mapRoles (or rolearn in mapUsers): the entry is in the wrong section.</summary>
        public string? OtherArnKey { get; set; }
    }
}
