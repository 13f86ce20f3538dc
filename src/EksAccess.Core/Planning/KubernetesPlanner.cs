using EksAccess.Core.Identity;
using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Planning;

/// <summary>
/// The Kubernetes half of a plan: the desired objects (<see cref="DesiredState.Build"/>) against the observed ones,
/// compared the way the API server stores them (subjects' apiGroup defaulted, quantities canonical, LimitRange
/// defaults filled in, absent and empty lists alike, extra labels and metadata ignored). Changes come in dependency
/// order — namespaces, quotas and limit ranges, ClusterRoles, Roles, RoleBindings, ClusterRoleBindings, aws-auth —
/// then the deletes of objects labelled managed-by eksaccess that the config no longer wants, in reverse order.
/// Every object is written with server-side apply (field manager eksaccess), aws-auth with a merge (<see cref="AwsAuthMerge"/>).
/// The rules of aggregated ClusterRoles belong to the aggregation controller and are never compared or applied.
/// </summary>
public static class KubernetesPlanner
{
    public const string RbacApiVersion = "rbac.authorization.k8s.io/v1";
    public const string AwsAuthType = AwsAuthNames.ConfigMapName;

    private const int NamespaceOrder = 10;
    private const int QuotaOrder = 20;
    private const int LimitRangeOrder = 21;
    private const int ClusterRoleOrder = 30;
    private const int RoleOrder = 40;
    private const int RoleBindingOrder = 50;
    private const int ClusterRoleBindingOrder = 60;
    private const int AwsAuthOrder = 70;
    private const int DeleteOrder = 80;

    /// <summary>
    /// Plans <paramref name="desired"/> against <paramref name="observed"/> (its Kubernetes objects and aws-auth; its
    /// access entries and authentication mode serve the aws-auth cluster-admin check, joined with the desired access
    /// entries the AWS half of the plan creates).
    /// </summary>
    public static KubernetesPlanResult Plan(ClusterSnapshot desired, ClusterSnapshot observed, KubernetesPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(options);
        var changes = ImmutableArray.CreateBuilder<PlannedChange>();
        var warnings = ImmutableArray.CreateBuilder<string>();

        void Apply(int order, string kind, string apiVersion, string resource, string? ns, string name, bool exists, IReadOnlyList<string> details)
        {
            if (exists && details.Count == 0)
            {
                return;
            }

            var id = ns is null ? name : $"{ns}/{name}";
            changes.Add(new PlannedChange(PlannedChange.KubernetesTarget, exists ? ChangeKind.Update : ChangeKind.Create, kind, id, $"PATCH apply {apiVersion} {resource} {id}", [.. details])
            {
                Order = order,
            });
        }

        var observedNamespaces = observed.Namespaces.ToDictionary(n => n.Name, StringComparer.Ordinal);
        foreach (var ns in desired.Namespaces)
        {
            observedNamespaces.TryGetValue(ns.Name, out var live);
            Apply(NamespaceOrder, "Namespace", "v1", "namespaces", null, ns.Name, live is not null, live is null ? [] : LabelChanges(ns.Labels, live.Labels));
        }

        var observedQuotas = observed.ResourceQuotas.ToDictionary(q => (q.Namespace, q.Name));
        foreach (var quota in desired.ResourceQuotas)
        {
            observedQuotas.TryGetValue((quota.Namespace, quota.Name), out var live);
            Apply(QuotaOrder, "ResourceQuota", "v1", "resourcequotas", quota.Namespace, quota.Name, live is not null,
                live is null ? [] : [.. LabelChanges(quota.Labels, live.Labels), .. QuantityChanges("spec.hard", quota.Hard, live.Hard)]);
        }

        var observedLimits = observed.LimitRanges.ToDictionary(l => (l.Namespace, l.Name));
        foreach (var limits in desired.LimitRanges)
        {
            observedLimits.TryGetValue((limits.Namespace, limits.Name), out var live);
            Apply(LimitRangeOrder, "LimitRange", "v1", "limitranges", limits.Namespace, limits.Name, live is not null,
                live is null ? [] : [.. LabelChanges(limits.Labels, live.Labels), .. LimitChanges(limits.Limits, live.Limits)]);
        }

        var observedClusterRoles = observed.ClusterRoles.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var role in desired.ClusterRoles)
        {
            observedClusterRoles.TryGetValue(role.Name, out var live);
            var details = new List<string>();
            if (live is not null)
            {
                details.AddRange(LabelChanges(role.Labels, live.Labels));
                if (role.AggregationRule is not null || live.AggregationRule is not null)
                {
                    details.AddRange(AggregationChanges(role.AggregationRule, live.AggregationRule));
                    if (role.AggregationRule is null)
                    {
                        warnings.Add($"ClusterRole {role.Name} is aggregated on the cluster: its rules belong to the aggregation controller, so eksaccess does not apply the config's rules — extend it with a separate ClusterRole labelled for aggregation instead");
                    }
                }
                else
                {
                    details.AddRange(RuleChanges(role.Rules, live.Rules));
                }
            }

            Apply(ClusterRoleOrder, "ClusterRole", RbacApiVersion, "clusterroles", null, role.Name, live is not null, details);
        }

        var observedRoles = observed.Roles.ToDictionary(r => (r.Namespace, r.Name));
        foreach (var role in desired.Roles)
        {
            observedRoles.TryGetValue((role.Namespace, role.Name), out var live);
            Apply(RoleOrder, "Role", RbacApiVersion, "roles", role.Namespace, role.Name, live is not null,
                live is null ? [] : [.. LabelChanges(role.Labels, live.Labels), .. RuleChanges(role.Rules, live.Rules)]);
        }

        var observedBindings = observed.RoleBindings.ToDictionary(b => (b.Namespace, b.Name));
        foreach (var binding in desired.RoleBindings)
        {
            observedBindings.TryGetValue((binding.Namespace, binding.Name), out var live);
            changes.AddRange(BindingChange(RoleBindingOrder, "RoleBinding", "rolebindings", binding.Namespace, binding.Name, binding.Labels, binding.RoleRef, binding.Subjects,
                live is null ? null : (live.Labels, live.RoleRef, live.Subjects)));
        }

        var observedClusterBindings = observed.ClusterRoleBindings.ToDictionary(b => b.Name, StringComparer.Ordinal);
        foreach (var binding in desired.ClusterRoleBindings)
        {
            observedClusterBindings.TryGetValue(binding.Name, out var live);
            changes.AddRange(BindingChange(ClusterRoleBindingOrder, "ClusterRoleBinding", "clusterrolebindings", null, binding.Name, binding.Labels, binding.RoleRef, binding.Subjects,
                live is null ? null : (live.Labels, live.RoleRef, live.Subjects)));
        }

        var (awsAuth, refusals) = PlanAwsAuth(desired, observed, changes, warnings);
        PlanDeletes(desired, observed, options, changes, warnings);
        return new KubernetesPlanResult(new Plan(changes.ToImmutable(), warnings.ToImmutable()), awsAuth, refusals);
    }

    /// <summary>
    /// The snapshot the aws-auth cluster-admin check judges: the observed one, with the access entries the AWS half of
    /// the plan creates or updates (the desired ones) laid over the observed ones.
    /// </summary>
    public static ClusterSnapshot AdminCheckState(ClusterSnapshot desired, ClusterSnapshot observed)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        var wanted = desired.AccessEntries.IsDefault ? [] : desired.AccessEntries;
        var entries = (observed.AccessEntries.IsDefault ? [] : observed.AccessEntries)
            .Where(e => !wanted.Any(w => string.Equals(w.PrincipalArn, e.PrincipalArn, StringComparison.Ordinal)))
            .Concat(wanted);
        return observed with
        {
            AccessEntries = [.. entries],
            Cluster = observed.Cluster ?? desired.Cluster,
        };
    }

    private static (AwsAuthEdit? Edit, ImmutableArray<string> Refusals) PlanAwsAuth(
        ClusterSnapshot desired, ClusterSnapshot observed, ImmutableArray<PlannedChange>.Builder changes, ImmutableArray<string>.Builder warnings)
    {
        if (desired.AwsAuth is null && (observed.AwsAuth is null || AwsAuthMerge.OwnedMappings(observed.AwsAuth).IsEmpty))
        {
            return (null, []);
        }

        var edit = AwsAuthMerge.Merge(observed.AwsAuth, desired.AwsAuth, AdminCheckState(desired, observed));
        warnings.AddRange(edit.Warnings.Select(w => "aws-auth: " + w));
        var refusals = edit.Refusals.Select(r => "aws-auth: " + r).ToImmutableArray();
        if (edit.Changed || edit.IsRefused)
        {
            var id = $"{AwsAuthWriter.ConfigMapNamespace}/{AwsAuthWriter.ConfigMapName}";
            var create = observed.AwsAuth is null;
            changes.Add(new PlannedChange(
                PlannedChange.KubernetesTarget,
                create ? ChangeKind.Create : ChangeKind.Update,
                AwsAuthType,
                id,
                create ? $"POST v1 configmaps {id}" : $"PUT v1 configmaps {id}",
                edit.Details)
            {
                Order = AwsAuthOrder,
                Refusal = edit.IsRefused ? string.Join("; ", edit.Refusals) : null,
            });
        }

        return (edit, refusals);
    }

    private static void PlanDeletes(
        ClusterSnapshot desired, ClusterSnapshot observed, KubernetesPlanOptions options, ImmutableArray<PlannedChange>.Builder changes, ImmutableArray<string>.Builder warnings)
    {
        void Delete(int order, string kind, string apiVersion, string resource, string? ns, string name)
        {
            var id = ns is null ? name : $"{ns}/{name}";
            changes.Add(new PlannedChange(PlannedChange.KubernetesTarget, ChangeKind.Delete, kind, id, $"DELETE {apiVersion} {resource} {id}",
                ["labelled app.kubernetes.io/managed-by: eksaccess and no longer in the config"])
            {
                Order = order,
            });
        }

        var clusterBindings = desired.ClusterRoleBindings.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var binding in observed.ClusterRoleBindings.Where(b => KubernetesMetadata.IsManaged(b.Labels) && !clusterBindings.Contains(b.Name)).OrderBy(b => b.Name, StringComparer.Ordinal))
        {
            Delete(DeleteOrder + 1, "ClusterRoleBinding", RbacApiVersion, "clusterrolebindings", null, binding.Name);
        }

        var bindings = desired.RoleBindings.Select(b => (b.Namespace, b.Name)).ToHashSet();
        foreach (var binding in observed.RoleBindings.Where(b => KubernetesMetadata.IsManaged(b.Labels) && !bindings.Contains((b.Namespace, b.Name))).OrderBy(b => (b.Namespace, b.Name)))
        {
            Delete(DeleteOrder + 2, "RoleBinding", RbacApiVersion, "rolebindings", binding.Namespace, binding.Name);
        }

        var roles = desired.Roles.Select(r => (r.Namespace, r.Name)).ToHashSet();
        foreach (var role in observed.Roles.Where(r => KubernetesMetadata.IsManaged(r.Labels) && !roles.Contains((r.Namespace, r.Name))).OrderBy(r => (r.Namespace, r.Name)))
        {
            Delete(DeleteOrder + 3, "Role", RbacApiVersion, "roles", role.Namespace, role.Name);
        }

        var clusterRoles = desired.ClusterRoles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var role in observed.ClusterRoles.Where(r => KubernetesMetadata.IsManaged(r.Labels) && !clusterRoles.Contains(r.Name)).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            Delete(DeleteOrder + 4, "ClusterRole", RbacApiVersion, "clusterroles", null, role.Name);
        }

        var limits = desired.LimitRanges.Select(l => (l.Namespace, l.Name)).ToHashSet();
        foreach (var limit in observed.LimitRanges.Where(l => KubernetesMetadata.IsManaged(l.Labels) && !limits.Contains((l.Namespace, l.Name))).OrderBy(l => (l.Namespace, l.Name)))
        {
            Delete(DeleteOrder + 5, "LimitRange", "v1", "limitranges", limit.Namespace, limit.Name);
        }

        var quotas = desired.ResourceQuotas.Select(q => (q.Namespace, q.Name)).ToHashSet();
        foreach (var quota in observed.ResourceQuotas.Where(q => KubernetesMetadata.IsManaged(q.Labels) && !quotas.Contains((q.Namespace, q.Name))).OrderBy(q => (q.Namespace, q.Name)))
        {
            Delete(DeleteOrder + 6, "ResourceQuota", "v1", "resourcequotas", quota.Namespace, quota.Name);
        }

        var namespaces = desired.Namespaces.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var ns in observed.Namespaces.Where(n => KubernetesMetadata.IsManaged(n.Labels) && !namespaces.Contains(n.Name)).OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            if (options.PruneNamespaces)
            {
                Delete(DeleteOrder + 7, "Namespace", "v1", "namespaces", null, ns.Name);
            }
            else
            {
                warnings.Add($"Namespace {ns.Name} is labelled managed-by eksaccess but no longer in the config; it is not deleted (that would delete every workload in it) — delete it with kubectl delete namespace {ns.Name}, or apply with --force");
            }
        }
    }

    private static IEnumerable<PlannedChange> BindingChange(
        int order,
        string kind,
        string resource,
        string? ns,
        string name,
        IReadOnlyDictionary<string, string> labels,
        RoleRef roleRef,
        ImmutableArray<Subject> subjects,
        (ImmutableDictionary<string, string> Labels, RoleRef RoleRef, ImmutableArray<Subject> Subjects)? live)
    {
        var id = ns is null ? name : $"{ns}/{name}";
        var apply = $"PATCH apply {RbacApiVersion} {resource} {id}";
        if (live is not { } current)
        {
            yield return new PlannedChange(PlannedChange.KubernetesTarget, ChangeKind.Create, kind, id, apply, []) { Order = order };
            yield break;
        }

        var details = new List<string>(LabelChanges(labels, current.Labels));
        var replace = current.RoleRef != roleRef;
        if (replace)
        {
            details.Add($"roleRef: {current.RoleRef.Kind}/{current.RoleRef.Name} → {roleRef.Kind}/{roleRef.Name} (roleRef cannot change: the binding is deleted and created again)");
        }

        var wanted = subjects.IsDefault ? [] : subjects;
        var have = current.Subjects.IsDefault ? [] : current.Subjects;
        if (!wanted.SequenceEqual(have))
        {
            details.Add($"subjects: [{string.Join(", ", have.Select(Describe))}] → [{string.Join(", ", wanted.Select(Describe))}]");
        }

        if (details.Count > 0)
        {
            yield return new PlannedChange(PlannedChange.KubernetesTarget, ChangeKind.Update, kind, id, replace ? $"DELETE then {apply}" : apply, [.. details]) { Order = order };
        }
    }

    private static string Describe(Subject subject) =>
        subject.Namespace.Length == 0 ? $"{subject.Kind}/{subject.Name}" : $"{subject.Kind}/{subject.Namespace}/{subject.Name}";

    /// <summary>Every desired label, managed-by included, must be on the live object; extra live labels are someone else's.</summary>
    private static List<string> LabelChanges(IReadOnlyDictionary<string, string> desired, ImmutableDictionary<string, string> live)
    {
        var changes = new List<string>();
        var wanted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in desired)
        {
            wanted[key] = value;
        }

        wanted[KubernetesMetadata.ManagedByLabel] = KubernetesMetadata.ManagedByValue;
        foreach (var (key, value) in wanted)
        {
            if (!live.TryGetValue(key, out var current))
            {
                changes.Add($"label {key}: (none) → {value}");
            }
            else if (!string.Equals(current, value, StringComparison.Ordinal))
            {
                changes.Add($"label {key}: {current} → {value}");
            }
        }

        return changes;
    }

    private static List<string> QuantityChanges(string field, ImmutableSortedDictionary<string, string> desired, ImmutableSortedDictionary<string, string> live)
    {
        var changes = new List<string>();
        foreach (var key in desired.Keys.Union(live.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var has = live.TryGetValue(key, out var current);
            var wants = desired.TryGetValue(key, out var value);
            if (has && wants && KubernetesQuantity.AreEqual(value!, current!))
            {
                continue;
            }

            changes.Add($"{field}.{key}: {(has ? current : "(none)")} → {(wants ? value : "(none)")}");
        }

        return changes;
    }

    private static List<string> LimitChanges(ImmutableArray<LimitRangeItem> desired, ImmutableArray<LimitRangeItem> live)
    {
        var wanted = LimitRangeDefaults.Apply(desired);
        var have = live.IsDefault ? [] : live;
        var changes = new List<string>();
        if (wanted.Length != have.Length)
        {
            changes.Add($"spec.limits: {have.Length} → {wanted.Length} items");
            return changes;
        }

        for (var i = 0; i < wanted.Length; i++)
        {
            var prefix = $"spec.limits[{i}]";
            if (!string.Equals(wanted[i].Type, have[i].Type, StringComparison.Ordinal))
            {
                changes.Add($"{prefix}.type: {have[i].Type} → {wanted[i].Type}");
            }

            changes.AddRange(QuantityChanges(prefix + ".default", wanted[i].Default, have[i].Default));
            changes.AddRange(QuantityChanges(prefix + ".defaultRequest", wanted[i].DefaultRequest, have[i].DefaultRequest));
            changes.AddRange(QuantityChanges(prefix + ".max", wanted[i].Max, have[i].Max));
            changes.AddRange(QuantityChanges(prefix + ".min", wanted[i].Min, have[i].Min));
        }

        return changes;
    }

    private static List<string> RuleChanges(ImmutableArray<PolicyRule> desired, ImmutableArray<PolicyRule> live)
    {
        var wanted = desired.IsDefault ? [] : desired;
        var have = live.IsDefault ? [] : live;
        var changes = new List<string>();
        for (var i = 0; i < Math.Max(wanted.Length, have.Length); i++)
        {
            var want = i < wanted.Length ? wanted[i] : null;
            var current = i < have.Length ? have[i] : null;
            if (want is not null && current is not null && SameRule(want, current))
            {
                continue;
            }

            changes.Add($"rules[{i}]: {(current is null ? "(none)" : Describe(current))} → {(want is null ? "(none)" : Describe(want))}");
        }

        return changes;
    }

    private static bool SameRule(PolicyRule a, PolicyRule b) =>
        Same(a.Verbs, b.Verbs) && Same(a.ApiGroups, b.ApiGroups) && Same(a.Resources, b.Resources)
        && Same(a.ResourceNames, b.ResourceNames) && Same(a.NonResourceUrls, b.NonResourceUrls);

    private static bool Same(ImmutableArray<string> a, ImmutableArray<string> b) =>
        (a.IsDefault ? [] : a).SequenceEqual(b.IsDefault ? [] : b, StringComparer.Ordinal);

    private static string Describe(PolicyRule rule)
    {
        var parts = new List<string>();

        void Part(string name, ImmutableArray<string> values)
        {
            if (!values.IsDefaultOrEmpty)
            {
                parts.Add($"{name}=[{string.Join(",", values.Select(v => v.Length == 0 ? "\"\"" : v))}]");
            }
        }

        Part("apiGroups", rule.ApiGroups);
        Part("resources", rule.Resources);
        Part("resourceNames", rule.ResourceNames);
        Part("nonResourceURLs", rule.NonResourceUrls);
        Part("verbs", rule.Verbs);
        return string.Join(" ", parts);
    }

    private static List<string> AggregationChanges(AggregationRule? desired, AggregationRule? live)
    {
        if (desired is null)
        {
            return [];
        }

        var wanted = desired.ClusterRoleSelectors.IsDefault ? [] : desired.ClusterRoleSelectors;
        var have = live?.ClusterRoleSelectors is { IsDefault: false } selectors ? selectors : [];
        var same = wanted.Length == have.Length && wanted.Zip(have).All(pair => SameSelector(pair.First, pair.Second));
        return same ? [] : [$"aggregationRule: {have.Length} → {wanted.Length} selectors"];
    }

    private static bool SameSelector(LabelSelector a, LabelSelector b)
    {
        var aLabels = a.MatchLabels ?? KubernetesMetadata.Empty;
        var bLabels = b.MatchLabels ?? KubernetesMetadata.Empty;
        var aExpressions = a.MatchExpressions.IsDefault ? [] : a.MatchExpressions;
        var bExpressions = b.MatchExpressions.IsDefault ? [] : b.MatchExpressions;
        return aLabels.Count == bLabels.Count
            && aLabels.All(pair => bLabels.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal))
            && aExpressions.Length == bExpressions.Length
            && aExpressions.Zip(bExpressions).All(pair =>
                string.Equals(pair.First.Key, pair.Second.Key, StringComparison.Ordinal)
                && string.Equals(pair.First.Operator, pair.Second.Operator, StringComparison.Ordinal)
                && Same(pair.First.Values, pair.Second.Values));
    }
}
