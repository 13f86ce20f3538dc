using System.Collections.Immutable;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Evaluation;

/// <summary>
/// kube-apiserver's RBAC authorizer over one snapshot, indexed once for fast questions.
/// Semantics (rbac.go Authorize / VisitRulesFor): every ClusterRoleBinding, then — only when the request namespace is
/// non-empty — every RoleBinding of that namespace; a binding applies when one of its subjects matches the user; its
/// roleRef is resolved by kind (Role → Roles of the binding's namespace, ClusterRole → ClusterRoles); the first
/// matching rule allows. RBAC never denies: a missing role grants nothing and is reported as a note.
/// The ClusterRoles given must already be aggregated (<see cref="ClusterRoleAggregator"/> or <see cref="DefaultRbac.MergeInto"/>).
/// When several bindings allow, the one reported is the first in input order (ClusterRoleBindings before
/// RoleBindings); kube-apiserver's informer order is unspecified, so any allowing binding is a faithful reason.
/// </summary>
public sealed class RbacAuthorizer
{
    private const string ServiceAccountPrefix = "system:serviceaccount:";

    private readonly Dictionary<string, BindingList> _clusterByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BindingList> _clusterByGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamespaceIndex> _namespaces = new(StringComparer.Ordinal);
    private readonly BoundBinding[] _clusterBindings;

    public RbacAuthorizer(
        IEnumerable<Role> roles,
        IEnumerable<ClusterRole> clusterRoles,
        IEnumerable<RoleBinding> roleBindings,
        IEnumerable<ClusterRoleBinding> clusterRoleBindings)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(clusterRoles);
        ArgumentNullException.ThrowIfNull(roleBindings);
        ArgumentNullException.ThrowIfNull(clusterRoleBindings);

        // First object of a name wins, as the reference walk's first-found lookup.
        var roleRules = new Dictionary<(string Namespace, string Name), ImmutableArray<PolicyRule>>();
        foreach (var role in roles)
        {
            roleRules.TryAdd((role.Namespace, role.Name), Normalize(role.Rules));
        }

        var clusterRoleRules = new Dictionary<string, ImmutableArray<PolicyRule>>(StringComparer.Ordinal);
        foreach (var clusterRole in clusterRoles)
        {
            clusterRoleRules.TryAdd(clusterRole.Name, Normalize(clusterRole.Rules));
        }

        var ordinal = 0;
        var clusterBuilder = new IndexBuilder();
        var clusterBindings = new List<BoundBinding>();
        foreach (var binding in clusterRoleBindings)
        {
            var bound = Bind(BindingKind.ClusterRoleBinding, "", binding.Name, binding.RoleRef, binding.Subjects, ordinal++, roleRules, clusterRoleRules);
            clusterBindings.Add(bound);
            clusterBuilder.Add(bound);
        }

        _clusterBindings = [.. clusterBindings];
        clusterBuilder.Build(_clusterByUser, _clusterByGroup);

        var namespaceBuilders = new Dictionary<string, (IndexBuilder Builder, List<BoundBinding> All)>(StringComparer.Ordinal);
        foreach (var binding in roleBindings)
        {
            var bound = Bind(BindingKind.RoleBinding, binding.Namespace, binding.Name, binding.RoleRef, binding.Subjects, ordinal++, roleRules, clusterRoleRules);
            if (!namespaceBuilders.TryGetValue(binding.Namespace, out var entry))
            {
                entry = (new IndexBuilder(), new List<BoundBinding>());
                namespaceBuilders.Add(binding.Namespace, entry);
            }

            entry.Builder.Add(bound);
            entry.All.Add(bound);
        }

        foreach (var (ns, entry) in namespaceBuilders)
        {
            var index = new NamespaceIndex([.. entry.All]);
            entry.Builder.Build(index.ByUser, index.ByGroup);
            _namespaces.Add(ns, index);
        }
    }

    /// <summary>
    /// Builds the authorizer for a snapshot: its Roles and RoleBindings, and its ClusterRoles/ClusterRoleBindings merged
    /// over the Kubernetes defaults (unless <paramref name="includeDefaultRbac"/> is false) and aggregated.
    /// </summary>
    public static RbacAuthorizer ForSnapshot(ClusterSnapshot snapshot, bool includeDefaultRbac = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (includeDefaultRbac)
        {
            var merged = DefaultRbac.MergeInto(snapshot.ClusterRoles, snapshot.ClusterRoleBindings);
            return new RbacAuthorizer(snapshot.Roles, merged.ClusterRoles, snapshot.RoleBindings, merged.ClusterRoleBindings);
        }

        return new RbacAuthorizer(snapshot.Roles, ClusterRoleAggregator.Aggregate(snapshot.ClusterRoles), snapshot.RoleBindings, snapshot.ClusterRoleBindings);
    }

    /// <summary>Allowed when a binding that applies to the user has a rule allowing the request; otherwise denied.</summary>
    public Decision Authorize(UserInfo user, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        var groups = user.Groups.IsDefault ? [] : user.Groups;
        var ns = RequestNamespace(request);

        BoundBinding? best = null;
        var bestRule = -1;
        var hasMissing = false;
        Scan(_clusterByUser, _clusterByGroup, user.Name, groups, request, ref best, ref bestRule, ref hasMissing);

        if (ns.Length > 0 && _namespaces.TryGetValue(ns, out var nsIndex))
        {
            if (best is null)
            {
                Scan(nsIndex.ByUser, nsIndex.ByGroup, user.Name, groups, request, ref best, ref bestRule, ref hasMissing);
            }
            else if (!hasMissing)
            {
                hasMissing = AnyMissing(nsIndex, user.Name, groups);
            }
        }

        // Notes list every applicable binding whose role is missing, whichever binding decided.
        var notes = hasMissing ? MissingRoleNotes(user.Name, groups, ns) : [];
        if (best is null)
        {
            return Decision.Deny(notes);
        }

        return Decision.Allow(Reason(best, bestRule, FirstMatchingSubject(best, user.Name, groups)), notes);
    }

    /// <summary>
    /// The rules of every ClusterRoleBinding that applies to the user, then of every RoleBinding of
    /// <paramref name="namespace"/> that applies (none when it is empty): what a SelfSubjectRulesReview returns.
    /// The privileged group contributes nothing here.
    /// </summary>
    public ImmutableArray<GrantedRule> RulesFor(UserInfo user, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(@namespace);
        var groups = user.Groups.IsDefault ? [] : user.Groups;
        var result = ImmutableArray.CreateBuilder<GrantedRule>();
        foreach (var binding in ApplicableBindings(user.Name, groups, @namespace))
        {
            if (!binding.Resolved)
            {
                continue;
            }

            var subject = FirstMatchingSubject(binding, user.Name, groups);
            for (var i = 0; i < binding.Rules.Length; i++)
            {
                result.Add(new GrantedRule(binding.Rules[i], Reason(binding, i, subject)));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The notes (missing roles) of the bindings that apply to the user in <paramref name="namespace"/>.</summary>
    public ImmutableArray<string> NotesFor(UserInfo user, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(@namespace);
        return MissingRoleNotes(user.Name, user.Groups.IsDefault ? [] : user.Groups, @namespace);
    }

    /// <summary>
    /// Every subject named by a binding consulted for the request (all ClusterRoleBindings, and the RoleBindings of the
    /// request namespace when it is non-empty) whose role allows it — users, groups (system:authenticated included) and
    /// service accounts — in binding order, with the binding, role and first allowing rule.
    /// A ServiceAccount subject without namespace in a ClusterRoleBinding never matches anyone and is left out.
    /// </summary>
    public IEnumerable<SubjectGrant> SubjectsAllowed(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = RequestNamespace(request);
        var consulted = ns.Length > 0 && _namespaces.TryGetValue(ns, out var nsIndex)
            ? _clusterBindings.Concat(nsIndex.All)
            : _clusterBindings;
        return SubjectsAllowedIterator(consulted, request);
    }

    /// <summary>The namespaces that have RoleBindings (the only ones where a namespaced answer can differ from the cluster-wide one).</summary>
    public IEnumerable<string> BindingNamespaces => _namespaces.Keys;

    /// <summary>
    /// Like <see cref="SubjectsAllowed"/>, but only the RoleBindings of the request namespace (none for an empty one): what
    /// a namespace adds to the ClusterRoleBindings, so a scan of every namespace visits each binding once.
    /// </summary>
    public IEnumerable<SubjectGrant> NamespaceSubjectsAllowed(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ns = RequestNamespace(request);
        return ns.Length > 0 && _namespaces.TryGetValue(ns, out var nsIndex)
            ? SubjectsAllowedIterator(nsIndex.All, request)
            : [];
    }

    private static IEnumerable<SubjectGrant> SubjectsAllowedIterator(IEnumerable<BoundBinding> bindings, AccessRequest request)
    {
        foreach (var binding in bindings)
        {
            var ruleIndex = FirstAllowingRule(binding, request);
            if (ruleIndex < 0)
            {
                continue;
            }

            foreach (var subject in binding.Subjects)
            {
                if (NormalizeSubject(subject, binding.Namespace) is { } normalized)
                {
                    yield return new SubjectGrant(normalized, Reason(binding, ruleIndex, subject));
                }
            }
        }
    }

    private static string RequestNamespace(AccessRequest request) => request.Path is null ? request.Namespace : "";

    private static void Scan(
        Dictionary<string, BindingList> byUser,
        Dictionary<string, BindingList> byGroup,
        string userName,
        ImmutableArray<string> groups,
        AccessRequest request,
        ref BoundBinding? best,
        ref int bestRule,
        ref bool hasMissing)
    {
        if (byUser.TryGetValue(userName, out var list))
        {
            ScanList(list, request, ref best, ref bestRule, ref hasMissing);
        }

        for (var i = 0; i < groups.Length; i++)
        {
            if (byGroup.TryGetValue(groups[i], out list))
            {
                ScanList(list, request, ref best, ref bestRule, ref hasMissing);
            }
        }
    }

    /// <summary>Finds, in an ordinal-sorted list, the first binding allowing the request that precedes the current best.</summary>
    private static void ScanList(BindingList list, AccessRequest request, ref BoundBinding? best, ref int bestRule, ref bool hasMissing)
    {
        hasMissing |= list.HasMissing;
        var items = list.Items;
        for (var i = 0; i < items.Length; i++)
        {
            var binding = items[i];
            if (best is not null && binding.Ordinal >= best.Ordinal)
            {
                return;
            }

            var ruleIndex = FirstAllowingRule(binding, request);
            if (ruleIndex >= 0)
            {
                best = binding;
                bestRule = ruleIndex;
                return;
            }
        }
    }

    private static bool AnyMissing(NamespaceIndex index, string userName, ImmutableArray<string> groups)
    {
        if (index.ByUser.TryGetValue(userName, out var list) && list.HasMissing)
        {
            return true;
        }

        foreach (var group in groups)
        {
            if (index.ByGroup.TryGetValue(group, out list) && list.HasMissing)
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstAllowingRule(BoundBinding binding, AccessRequest request)
    {
        var rules = binding.Rules;
        for (var i = 0; i < rules.Length; i++)
        {
            if (RuleMatcher.RuleAllows(rules[i], request))
            {
                return i;
            }
        }

        return -1;
    }

    private ImmutableArray<string> MissingRoleNotes(string userName, ImmutableArray<string> groups, string ns)
    {
        ImmutableArray<string>.Builder? notes = null;
        foreach (var binding in ApplicableBindings(userName, groups, ns))
        {
            if (binding.MissingNote is { } note)
            {
                notes ??= ImmutableArray.CreateBuilder<string>();
                notes.Add(note);
            }
        }

        return notes?.ToImmutable() ?? [];
    }

    /// <summary>Every binding that applies to the user for namespace <paramref name="ns"/>, in ordinal order, once each.</summary>
    private List<BoundBinding> ApplicableBindings(string userName, ImmutableArray<string> groups, string ns)
    {
        var found = new List<BoundBinding>();
        Collect(_clusterByUser, _clusterByGroup, userName, groups, found);
        if (ns.Length > 0 && _namespaces.TryGetValue(ns, out var nsIndex))
        {
            Collect(nsIndex.ByUser, nsIndex.ByGroup, userName, groups, found);
        }

        found.Sort(static (a, b) => a.Ordinal.CompareTo(b.Ordinal));
        var distinct = new List<BoundBinding>(found.Count);
        foreach (var binding in found)
        {
            if (distinct.Count == 0 || !ReferenceEquals(distinct[^1], binding))
            {
                distinct.Add(binding);
            }
        }

        return distinct;
    }

    private static void Collect(
        Dictionary<string, BindingList> byUser,
        Dictionary<string, BindingList> byGroup,
        string userName,
        ImmutableArray<string> groups,
        List<BoundBinding> found)
    {
        if (byUser.TryGetValue(userName, out var list))
        {
            found.AddRange(list.Items);
        }

        foreach (var group in groups)
        {
            if (byGroup.TryGetValue(group, out list))
            {
                found.AddRange(list.Items);
            }
        }
    }

    private static Subject FirstMatchingSubject(BoundBinding binding, string userName, ImmutableArray<string> groups)
    {
        foreach (var subject in binding.Subjects)
        {
            if (SubjectKey(subject, binding.Namespace) is { } key
                && (key.IsGroup ? groups.Contains(key.Name, StringComparer.Ordinal) : string.Equals(key.Name, userName, StringComparison.Ordinal)))
            {
                return subject;
            }
        }

        throw new InvalidOperationException($"binding {binding.Name} was indexed for a user it does not name");
    }

    private static RbacReason Reason(BoundBinding binding, int ruleIndex, Subject subject) =>
        new(binding.Kind, binding.Namespace, binding.Name, binding.RoleRef.Kind, binding.RoleRef.Name, ruleIndex, binding.Rules[ruleIndex], subject);

    /// <summary>
    /// The index key of a subject: a username (User, or a ServiceAccount's full username) or a group name; null when
    /// the subject can match nobody (unknown kind; ServiceAccount without namespace in a ClusterRoleBinding).
    /// </summary>
    private static (bool IsGroup, string Name)? SubjectKey(Subject subject, string bindingNamespace)
    {
        switch (subject.Kind)
        {
            case Subject.UserKind:
                return (false, subject.Name);
            case Subject.GroupKind:
                return (true, subject.Name);
            case Subject.ServiceAccountKind:
                var ns = subject.Namespace.Length > 0 ? subject.Namespace : bindingNamespace;
                return ns.Length == 0 ? null : (false, ServiceAccountPrefix + ns + ":" + subject.Name);
            default:
                return null;
        }
    }

    private static Subject? NormalizeSubject(Subject subject, string bindingNamespace)
    {
        if (SubjectKey(subject, bindingNamespace) is null)
        {
            return null;
        }

        return string.Equals(subject.Kind, Subject.ServiceAccountKind, StringComparison.Ordinal) && subject.Namespace.Length == 0
            ? subject with { Namespace = bindingNamespace }
            : subject;
    }

    private static BoundBinding Bind(
        BindingKind kind,
        string ns,
        string name,
        RoleRef roleRef,
        ImmutableArray<Subject> subjects,
        int ordinal,
        Dictionary<(string Namespace, string Name), ImmutableArray<PolicyRule>> roleRules,
        Dictionary<string, ImmutableArray<PolicyRule>> clusterRoleRules)
    {
        var where = kind == BindingKind.ClusterRoleBinding ? $"ClusterRoleBinding {name}" : $"RoleBinding {ns}/{name}";
        ImmutableArray<PolicyRule> rules = [];
        string? missing = null;
        var resolved = false;
        switch (roleRef.Kind)
        {
            case RoleRef.RoleKind when kind == BindingKind.ClusterRoleBinding:
                // kube-apiserver looks the Role up in namespace "", where no Role can exist.
                missing = $"{where} refers to Role {roleRef.Name}, but a ClusterRoleBinding can only use a ClusterRole; it grants nothing";
                break;
            case RoleRef.RoleKind:
                resolved = roleRules.TryGetValue((ns, roleRef.Name), out rules);
                missing = resolved ? null : $"{where} refers to missing Role {roleRef.Name}";
                break;
            case RoleRef.ClusterRoleKind:
                resolved = clusterRoleRules.TryGetValue(roleRef.Name, out rules);
                missing = resolved ? null : $"{where} refers to missing ClusterRole {roleRef.Name}";
                break;
            default:
                missing = $"{where} has roleRef kind \"{roleRef.Kind}\", which RBAC does not support; it grants nothing";
                break;
        }

        return new BoundBinding(kind, ns, name, roleRef, subjects.IsDefault ? [] : subjects, ordinal, resolved ? rules : [], resolved, missing);
    }

    private static ImmutableArray<PolicyRule> Normalize(ImmutableArray<PolicyRule> rules) => rules.IsDefault ? [] : rules;

    private sealed record BoundBinding(
        BindingKind Kind,
        string Namespace,
        string Name,
        RoleRef RoleRef,
        ImmutableArray<Subject> Subjects,
        int Ordinal,
        ImmutableArray<PolicyRule> Rules,
        bool Resolved,
        string? MissingNote)
    {
        // Reference identity: two bindings may be field-for-field equal, yet are two objects.
        public bool Equals(BoundBinding? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => Ordinal;
    }

    private sealed class BindingList(BoundBinding[] items)
    {
        public BoundBinding[] Items { get; } = items;

        public bool HasMissing { get; } = items.Any(b => b.MissingNote is not null);
    }

    private sealed class NamespaceIndex(BoundBinding[] all)
    {
        public BoundBinding[] All { get; } = all;

        public Dictionary<string, BindingList> ByUser { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, BindingList> ByGroup { get; } = new(StringComparer.Ordinal);
    }

    private sealed class IndexBuilder
    {
        private readonly Dictionary<string, List<BoundBinding>> _byUser = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<BoundBinding>> _byGroup = new(StringComparer.Ordinal);

        public void Add(BoundBinding binding)
        {
            foreach (var subject in binding.Subjects)
            {
                if (SubjectKey(subject, binding.Namespace) is not { } key)
                {
                    continue;
                }

                var map = key.IsGroup ? _byGroup : _byUser;
                if (!map.TryGetValue(key.Name, out var list))
                {
                    list = [];
                    map.Add(key.Name, list);
                }

                if (list.Count == 0 || !ReferenceEquals(list[^1], binding))
                {
                    list.Add(binding);
                }
            }
        }

        public void Build(Dictionary<string, BindingList> byUser, Dictionary<string, BindingList> byGroup)
        {
            foreach (var (key, list) in _byUser)
            {
                byUser.Add(key, new BindingList([.. list]));
            }

            foreach (var (key, list) in _byGroup)
            {
                byGroup.Add(key, new BindingList([.. list]));
            }
        }
    }
}
