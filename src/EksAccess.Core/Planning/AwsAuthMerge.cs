using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Authentication;
using EksAccess.Core.AwsAuth;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Planning;

/// <summary>
/// Edits kube-system/aws-auth without losing anyone else's mappings. The live <c>mapRoles</c> and <c>mapUsers</c> are
/// cut into their items (each kept as written); the config's entries replace the items of the same principal in
/// place or are appended; items of principals eksaccess once wrote (the <see cref="OwnedMappingsAnnotation"/>
/// annotation) and no longer wants are removed; every other item, every other data key (mapAccounts included) and
/// their order stay as they are. The result is checked before anyone writes it: no node-role mapping may disappear,
/// a path to cluster-admin (aws-auth or access entry, judged with the evaluator) must survive, and the new text must
/// read back through <see cref="AwsAuthParser"/> as exactly the intended entries.
/// </summary>
public static class AwsAuthMerge
{
    /// <summary>A JSON list of the ARNs eksaccess wrote into aws-auth: the only mappings it ever removes (without --force).</summary>
    public const string OwnedMappingsAnnotation = "eksaccess.io/owned-mappings";

    private const string NodesGroup = "system:nodes";
    private static readonly string[] Sections = [AwsAuthWriter.MapRolesKey, AwsAuthWriter.MapUsersKey];

    /// <summary>
    /// Merges the aws-auth the config wants (<paramref name="desired"/>, from <see cref="DesiredState.Build"/>; null when
    /// the config maps nobody through aws-auth, which removes eksaccess's own entries) into the live one
    /// (<paramref name="current"/>; null when absent). <paramref name="observed"/> supplies the access entries and
    /// authentication mode for the cluster-admin check.
    /// </summary>
    public static AwsAuthEdit Merge(ConfigMapObject? current, ConfigMapObject? desired, ClusterSnapshot observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var live = Read(current ?? EmptyConfigMap(), out var readError);
        if (readError is not null)
        {
            return Refused(current, new Refusal(RefusalKind.UnreadableSection, readError));
        }

        var wanted = Read(desired ?? EmptyConfigMap(), out var desiredError);
        if (desiredError is not null)
        {
            return Refused(current, new Refusal(RefusalKind.UnreadableSection, "the desired aws-auth " + desiredError));
        }

        var owned = OwnedMappings(current).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var desiredByArn = new Dictionary<string, (string Section, Item Item)>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in Sections)
        {
            foreach (var item in wanted.Sections[section].Items.Where(i => i.Entry is not null))
            {
                desiredByArn.TryAdd(item.Entry!.Arn, (section, item));
            }
        }

        var details = new List<string>();
        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, List<Item>>(StringComparer.Ordinal);
        foreach (var section in Sections)
        {
            var items = new List<Item>();
            foreach (var item in live.Sections[section].Items)
            {
                if (item.Entry is not { } entry)
                {
                    items.Add(item);
                }
                else if (desiredByArn.TryGetValue(entry.Arn, out var want))
                {
                    if (string.Equals(want.Section, section, StringComparison.Ordinal) && placed.Add(entry.Arn))
                    {
                        if (entry.SameAs(want.Item.Entry!))
                        {
                            items.Add(item);
                            if (!owned.Contains(entry.Arn))
                            {
                                details.Add($"~ {section} {entry.Describe()}: now eksaccess's (it already matches the config)");
                            }
                        }
                        else
                        {
                            items.Add(want.Item with { Ours = true });
                            details.Add($"~ {section} {entry.Describe()}: {entry.DescribeChange(want.Item.Entry!)}{(owned.Contains(entry.Arn) ? "" : " (made by someone else; the config names it)")}");
                        }
                    }
                    else
                    {
                        details.Add($"- {section} {entry.Describe()} (another mapping of a principal the config maps; the authenticator would use only one)");
                    }
                }
                else if (owned.Contains(entry.Arn))
                {
                    details.Add($"- {section} {entry.Describe()} (eksaccess wrote it; the config no longer maps it)");
                }
                else
                {
                    items.Add(item);
                }
            }

            foreach (var item in wanted.Sections[section].Items.Where(i => i.Entry is not null && !placed.Contains(i.Entry.Arn)))
            {
                placed.Add(item.Entry!.Arn);
                items.Add(item with { Ours = true });
                details.Add($"+ {section} {item.Entry.Describe()} ({item.Entry.DescribeValue()})");
            }

            result[section] = items;
        }

        var newOwned = desiredByArn.Keys.Order(StringComparer.Ordinal).ToImmutableArray();
        return Finish(current, live, result, newOwned, details, [], observed);
    }

    /// <summary>
    /// Removes every aws-auth mapping of <paramref name="principalArn"/> (an IAM user or role ARN; a role also matches
    /// without its path; either section, any letter case, as the authenticator compares). Mappings eksaccess did not
    /// write are removed only with <paramref name="force"/>; otherwise they are reported in <see cref="AwsAuthEdit.Warnings"/>.
    /// </summary>
    public static AwsAuthEdit Remove(ConfigMapObject? current, string principalArn, bool force, ClusterSnapshot observed)
    {
        ArgumentNullException.ThrowIfNull(principalArn);
        ArgumentNullException.ThrowIfNull(observed);
        var live = Read(current ?? EmptyConfigMap(), out var readError);
        if (readError is not null)
        {
            return Refused(current, new Refusal(RefusalKind.UnreadableSection, readError));
        }

        var variants = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { principalArn, PrincipalResolver.AwsAuthArn(principalArn) };
        var owned = OwnedMappings(current).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var details = new List<string>();
        var warnings = new List<string>();
        var result = new Dictionary<string, List<Item>>(StringComparer.Ordinal);
        foreach (var section in Sections)
        {
            var items = new List<Item>();
            foreach (var item in live.Sections[section].Items)
            {
                if (item.Entry is { } entry && variants.Contains(entry.Arn))
                {
                    if (owned.Contains(entry.Arn) || force)
                    {
                        details.Add($"- {section} {entry.Describe()} ({(owned.Contains(entry.Arn) ? "written by eksaccess" : "made by someone else; removed with --force")})");
                        continue;
                    }

                    warnings.Add($"aws-auth {section} {entry.Describe()} was not written by eksaccess: left in place — re-run with --force to remove it");
                }

                items.Add(item);
            }

            result[section] = items;
        }

        var removed = details.Count > 0;
        var newOwned = owned.Where(arn => !removed || !variants.Contains(arn)).Order(StringComparer.Ordinal).ToImmutableArray();
        return Finish(current, live, result, newOwned, details, warnings, observed);
    }

    /// <summary>The ARNs the owned-mappings annotation lists (empty when absent or unreadable).</summary>
    public static ImmutableArray<string> OwnedMappings(ConfigMapObject? configMap)
    {
        if (configMap is null || !configMap.Annotations.TryGetValue(OwnedMappingsAnnotation, out var json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Whether some principal the snapshot maps (access entry or aws-auth, under its authentication mode) may do
    /// everything (<c>* *.*</c>) cluster-wide: system:masters, AmazonEKSClusterAdminPolicy, or RBAC granting cluster-admin.
    /// </summary>
    public static bool HasClusterAdminPath(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var model = AccessModel.Build(snapshot);
        var everything = AccessRequest.ForResource("*", "*", "*");
        foreach (var known in model.Identities.KnownPrincipals())
        {
            if (known.Status == KnownPrincipalStatus.Active && known.Resolution is IdentityResolution.Mapped mapped)
            {
                var subject = new AuthorizationSubject(mapped.ToUserInfo(), mapped.Entry?.AssociatedAccessPolicies ?? []);
                if (model.Authorizer.Authorize(subject, everything).Allowed)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static AwsAuthEdit Finish(
        ConfigMapObject? current,
        LiveAwsAuth live,
        Dictionary<string, List<Item>> sections,
        ImmutableArray<string> owned,
        List<string> details,
        List<string> warnings,
        ClusterSnapshot observed)
    {
        var before = current ?? EmptyConfigMap();
        var data = before.Data.ToBuilder();
        foreach (var section in Sections)
        {
            var text = live.Sections[section].Preamble + string.Concat(sections[section].Select(i => i.Text));
            var unchanged = sections[section].Count == live.Sections[section].Items.Count
                && sections[section].Zip(live.Sections[section].Items).All(pair => ReferenceEquals(pair.First, pair.Second));
            if (unchanged)
            {
                continue;
            }

            if (sections[section].Count == 0 && live.Sections[section].Preamble.Trim().Length == 0)
            {
                data.Remove(section);
            }
            else
            {
                data[section] = text;
            }
        }

        var annotations = before.Annotations.ToBuilder();
        // JsonNode instead of JsonSerializer.Serialize<T>: no reflection, so the NativeAOT build stays warning-free.
        var ownedJson = new JsonArray([.. owned.Select(arn => (JsonNode?)JsonValue.Create(arn))]).ToJsonString();
        if (owned.IsEmpty)
        {
            annotations.Remove(OwnedMappingsAnnotation);
        }
        else
        {
            annotations[OwnedMappingsAnnotation] = ownedJson;
        }

        var after = new ConfigMapObject(AwsAuthWriter.ConfigMapNamespace, AwsAuthWriter.ConfigMapName, data.ToImmutable())
        {
            Labels = before.Labels,
            Annotations = annotations.ToImmutable(),
        };
        var dataChanged = after.Data.Count != before.Data.Count
            || after.Data.Any(pair => !before.Data.TryGetValue(pair.Key, out var old) || !string.Equals(old, pair.Value, StringComparison.Ordinal));
        var annotationChanged = !string.Equals(
            before.Annotations.GetValueOrDefault(OwnedMappingsAnnotation),
            after.Annotations.GetValueOrDefault(OwnedMappingsAnnotation),
            StringComparison.Ordinal);
        var changed = current is null ? after.Data.Count > 0 || !owned.IsEmpty : dataChanged || annotationChanged;
        if (changed && details.Count == 0 && annotationChanged)
        {
            details.Add($"~ annotation {OwnedMappingsAnnotation}: {before.Annotations.GetValueOrDefault(OwnedMappingsAnnotation) ?? "(none)"} → {(owned.IsEmpty ? "(none)" : ownedJson)}");
        }

        var refusals = new List<Refusal>();
        if (changed)
        {
            CheckRoundTrip(after, sections, refusals);
            CheckNodeRoles(before, after, refusals);
            CheckAdminPath(current, after, observed, refusals, warnings);
        }

        return new AwsAuthEdit
        {
            Before = current,
            After = after,
            Changed = changed,
            Details = [.. details],
            Warnings = [.. warnings],
            Reasons = [.. refusals],
            OwnedArns = owned,
        };
    }

    private static void CheckRoundTrip(ConfigMapObject after, Dictionary<string, List<Item>> sections, List<Refusal> refusals)
    {
        var parsed = AwsAuthParser.Parse(after);
        foreach (var section in Sections)
        {
            var entries = string.Equals(section, AwsAuthWriter.MapRolesKey, StringComparison.Ordinal)
                ? parsed.MapRoles.ToDictionary(r => r.Index, r => new Entry(r.RoleArn, r.Username, r.Groups, section))
                : parsed.MapUsers.ToDictionary(u => u.Index, u => new Entry(u.UserArn, u.Username, u.Groups, section));
            var items = sections[section];
            for (var index = 0; index < items.Count; index++)
            {
                var expected = items[index].Entry;
                entries.TryGetValue(index, out var actual);
                if (expected is null ? actual is not null : actual is null || !string.Equals(actual.Arn, expected.Arn, StringComparison.Ordinal) || !actual.SameAs(expected))
                {
                    refusals.Add(Unreadable($"the new aws-auth {section}[{index}] would read back as {actual?.Describe() ?? "nothing"} instead of {expected?.Describe() ?? "nothing"}: eksaccess will not write text the authenticator reads differently"));
                }

                if (items[index].Ours)
                {
                    var marker = $"{section}[{index}]";
                    foreach (var diagnostic in parsed.Diagnostics.Where(d => d.Message.Contains(marker, StringComparison.Ordinal)))
                    {
                        refusals.Add(Unreadable($"the new aws-auth would not parse cleanly: {diagnostic.Message}"));
                    }
                }
            }

            if (entries.Keys.Any(index => index >= items.Count))
            {
                refusals.Add(Unreadable($"the new aws-auth {section} would hold more entries than eksaccess wrote"));
            }
        }

        foreach (var diagnostic in parsed.Diagnostics.Where(d => d.Message.Contains("not valid YAML", StringComparison.Ordinal) || d.Message.Contains("not a list", StringComparison.Ordinal)))
        {
            refusals.Add(Unreadable($"the new aws-auth would not parse: {diagnostic.Message}"));
        }
    }

    private static void CheckNodeRoles(ConfigMapObject before, ConfigMapObject after, List<Refusal> refusals)
    {
        var old = AllEntries(AwsAuthParser.Parse(before)).Where(e => e.Groups.Contains(NodesGroup, StringComparer.Ordinal));
        var kept = AllEntries(AwsAuthParser.Parse(after)).ToList();
        foreach (var node in old)
        {
            var survives = kept.Any(e => string.Equals(e.Arn, node.Arn, StringComparison.OrdinalIgnoreCase)
                && string.Equals(e.Username, node.Username, StringComparison.Ordinal)
                && e.Groups.Contains(NodesGroup, StringComparer.Ordinal));
            if (!survives)
            {
                refusals.Add(new Refusal(RefusalKind.NodeRoleMapping, $"the write would drop or change the node-role mapping {node.Describe()} ({node.DescribeValue()}): nodes using that role could no longer join the cluster — keep it under cluster.nodeRoles in the config, or edit aws-auth by hand if you really mean it"));
            }
        }
    }

    private static void CheckAdminPath(ConfigMapObject? current, ConfigMapObject after, ClusterSnapshot observed, List<Refusal> refusals, List<string> warnings)
    {
        var afterPath = HasClusterAdminPath(observed with { AwsAuth = after });
        if (afterPath)
        {
            return;
        }

        if (HasClusterAdminPath(observed with { AwsAuth = current }))
        {
            refusals.Add(new Refusal(RefusalKind.LastAdminPath, "the write would leave no path to cluster-admin: no aws-auth mapping in system:masters (or bound to cluster-admin) and no access entry with AmazonEKSClusterAdminPolicy would remain — add an admin to the config (admins:) first"));
        }
        else
        {
            warnings.Add("no IAM principal has a visible path to cluster-admin (aws-auth system:masters or an access entry with AmazonEKSClusterAdminPolicy), before or after this change; a CONFIG_MAP cluster's creator keeps an invisible one");
        }
    }

    private static IEnumerable<Entry> AllEntries(AwsAuthMappings mappings) =>
        mappings.MapRoles.Select(r => new Entry(r.RoleArn, r.Username, r.Groups, AwsAuthWriter.MapRolesKey))
            .Concat(mappings.MapUsers.Select(u => new Entry(u.UserArn, u.Username, u.Groups, AwsAuthWriter.MapUsersKey)));

    private static AwsAuthEdit Refused(ConfigMapObject? current, Refusal reason) => new()
    {
        Before = current,
        After = current ?? EmptyConfigMap(),
        Changed = false,
        Reasons = [reason],
    };

    private static Refusal Unreadable(string message) => new(RefusalKind.UnreadableSection, message);

    private static ConfigMapObject EmptyConfigMap() =>
        new(AwsAuthWriter.ConfigMapNamespace, AwsAuthWriter.ConfigMapName, KubernetesMetadata.Empty);

    private static LiveAwsAuth Read(ConfigMapObject configMap, out string? error)
    {
        error = null;
        var parsed = AwsAuthParser.Parse(configMap);
        var sections = new Dictionary<string, SectionItems>(StringComparer.Ordinal);
        foreach (var section in Sections)
        {
            if (!configMap.Data.TryGetValue(section, out var text))
            {
                sections[section] = new SectionItems("", []);
                continue;
            }

            if (!AwsAuthSectionText.TrySplit(text, out var split, out var splitError))
            {
                error = $"aws-auth {section} cannot be edited safely: {splitError} — fix it by hand (kubectl edit -n kube-system configmap aws-auth) and re-run";
                return new LiveAwsAuth(sections);
            }

            var entries = string.Equals(section, AwsAuthWriter.MapRolesKey, StringComparison.Ordinal)
                ? parsed.MapRoles.ToDictionary(r => r.Index, r => new Entry(r.RoleArn, r.Username, r.Groups, section))
                : parsed.MapUsers.ToDictionary(u => u.Index, u => new Entry(u.UserArn, u.Username, u.Groups, section));
            if (entries.Keys.Any(index => index >= split.Items.Count))
            {
                error = $"aws-auth {section} cannot be edited safely: eksaccess and the authenticator's reader disagree about its items — fix it by hand and re-run";
                return new LiveAwsAuth(sections);
            }

            sections[section] = new SectionItems(split.Preamble, [.. split.Items.Select((text, index) => new Item(text, entries.GetValueOrDefault(index), Ours: false))]);
        }

        return new LiveAwsAuth(sections);
    }

    private sealed record LiveAwsAuth(Dictionary<string, SectionItems> Sections);

    private sealed record SectionItems(string Preamble, List<Item> Items);

    private sealed record Item(string Text, Entry? Entry, bool Ours);

    private sealed record Entry(string Arn, string? Username, ImmutableArray<string> Groups, string Section = "")
    {
        public bool SameAs(Entry other) =>
            string.Equals(Username, other.Username, StringComparison.Ordinal) && Groups.SequenceEqual(other.Groups, StringComparer.Ordinal);

        public string Describe() => $"{(string.Equals(Section, AwsAuthWriter.MapUsersKey, StringComparison.Ordinal) ? "userarn" : "rolearn")} {Arn}";

        public string DescribeValue() => $"username {Username ?? "(none)"}, groups [{string.Join(", ", Groups)}]";

        public string DescribeChange(Entry wanted)
        {
            var parts = new List<string>();
            if (!string.Equals(Username, wanted.Username, StringComparison.Ordinal))
            {
                parts.Add($"username {Username ?? "(none)"} → {wanted.Username ?? "(none)"}");
            }

            if (!Groups.SequenceEqual(wanted.Groups, StringComparer.Ordinal))
            {
                parts.Add($"groups [{string.Join(", ", Groups)}] → [{string.Join(", ", wanted.Groups)}]");
            }

            return string.Join("; ", parts);
        }
    }
}
