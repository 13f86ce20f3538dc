using System.Collections.Immutable;
using System.Runtime.InteropServices;
using EksAccess.Core.Authorization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using EksAccess.Core.Diagnostics;
using static EksAccess.Core.Snapshots.Loading.KubernetesKinds;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>
/// Reads Kubernetes objects as <c>kubectl get -o yaml|json</c> prints them (single objects, multi-document YAML,
/// List/RoleList/… with items, nested lists) into the snapshot, in one pass over the parser events.
/// </summary>
internal sealed class KubernetesObjectReader : YamlNodeReader
{
    private const string KindHint = "snapshot files hold Kubernetes objects as kubectl get -o yaml|json prints them (apiVersion, kind, metadata); describe-cluster output belongs in cluster.json and access entries in access-entries.json";
    private const string RoleRefHint = "every binding needs roleRef.kind and roleRef.name";
    private const string SubjectHint = "every subject needs kind (User, Group or ServiceAccount) and name";

    private static readonly ImmutableDictionary<string, string> EmptyLabels = KubernetesMetadata.Empty;
    private static readonly ImmutableSortedDictionary<string, string> EmptyQuantities = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    private readonly SnapshotBuilder _builder;
    private readonly List<PolicyRule> _ruleScratch = [];
    private readonly List<Subject> _subjectScratch = [];
    private ObjectDraft? _draft;

    public KubernetesObjectReader(SnapshotFile file, SnapshotBuilder builder)
        : base(file, builder.Pool)
    {
        _builder = builder;
    }

    protected override void ReadDocumentRoot()
    {
        switch (Current)
        {
            case MappingStart:
                var draft = ReadObject();
                if (draft.Kind is null)
                {
                    _builder.Error(new Diagnostic(At(draft.Start), "object has no kind", KindHint));
                }
                else
                {
                    Dispatch(draft);
                }

                break;
            case Scalar scalar when IsNull(scalar):
                MoveNext();
                break;
            default:
                _builder.Error(new Diagnostic(At(Current.Start), $"expected a Kubernetes object, found {Describe(Current)}", KindHint));
                Skip();
                break;
        }
    }

    protected override void Report(Diagnostic diagnostic)
    {
        if (_draft is null)
        {
            _builder.Error(diagnostic);
        }
        else
        {
            (_draft.Problems ??= []).Add(diagnostic);
        }
    }

    private ObjectDraft ReadObject()
    {
        var draft = new ObjectDraft(Current.Start);
        var outer = _draft;
        _draft = draft;
        MoveNext();
        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "kind":
                    draft.Kind = ReadString("kind");
                    break;
                case "metadata":
                    ReadMetadata(draft);
                    break;
                case "rules" when draft.Wants(RoleKind, ClusterRoleKind):
                    draft.Rules = ReadRules(draft);
                    break;
                case "aggregationRule" when draft.Wants(ClusterRoleKind):
                    draft.AggregationRule = ReadAggregationRule(draft);
                    break;
                case "roleRef" when draft.Wants(RoleBindingKind, ClusterRoleBindingKind):
                    ReadRoleRef(draft);
                    break;
                case "subjects" when draft.Wants(RoleBindingKind, ClusterRoleBindingKind):
                    draft.Subjects = ReadSubjects(draft);
                    break;
                case "data" when draft.Wants(ConfigMapKind) && MayBeAwsAuth(draft):
                    ReadData(draft);
                    break;
                case "spec" when draft.Kind is null or ResourceQuotaKind or LimitRangeKind or CustomResourceDefinitionKind:
                    ReadSpec(draft);
                    break;
                case "items" when draft.Kind is null || draft.Kind.EndsWith(ListSuffix, StringComparison.Ordinal):
                    ReadItems(draft);
                    break;
                default:
                    Skip();
                    break;
            }
        }

        _draft = outer;
        return draft;
    }

    /// <summary>Labels are kept for every kind the snapshot reads (the planner deletes only objects labelled managed-by eksaccess).</summary>
    private static bool WantsMetadata(ObjectDraft draft) =>
        draft.Kind is null or NamespaceKind or ClusterRoleKind or RoleKind or RoleBindingKind or ClusterRoleBindingKind
            or ResourceQuotaKind or LimitRangeKind or ServiceAccountKind or ConfigMapKind;

    private static bool MayBeAwsAuth(ObjectDraft draft) =>
        (draft.Name is null or AwsAuthName) && (draft.Namespace is null or AwsAuthNamespace);

    private void ReadMetadata(ObjectDraft draft)
    {
        if (!EnterMapping("metadata"))
        {
            return;
        }

        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "name":
                    draft.Name = ReadString("metadata.name");
                    break;
                case "namespace":
                    draft.Namespace = ReadString("metadata.namespace");
                    break;
                case "labels" when WantsMetadata(draft):
                    draft.Labels = ReadStringMap("metadata.labels");
                    break;
                case "annotations" when draft.Wants(ConfigMapKind) && MayBeAwsAuth(draft):
                    draft.Annotations = ReadStringMap("metadata.annotations");
                    break;
                default:
                    Skip();
                    break;
            }
        }
    }

    private ImmutableArray<PolicyRule>? ReadRules(ObjectDraft draft)
    {
        if (!EnterSequence("rules"))
        {
            return null;
        }

        _ruleScratch.Clear();
        while (InCollection())
        {
            var rule = ReadRule(draft);
            if (rule is not null)
            {
                _ruleScratch.Add(rule);
            }
        }

        return Pool.Rules(CollectionsMarshal.AsSpan(_ruleScratch));
    }

    private PolicyRule? ReadRule(ObjectDraft draft)
    {
        var start = Current.Start;
        if (!EnterMapping("rules[]"))
        {
            return null;
        }

        ImmutableArray<string>? verbs = null;
        ImmutableArray<string>? apiGroups = [];
        ImmutableArray<string>? resources = [];
        ImmutableArray<string>? resourceNames = [];
        ImmutableArray<string>? nonResourceUrls = [];
        var hasVerbs = false;
        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "verbs":
                    hasVerbs = true;
                    verbs = ReadStringList("rules[].verbs");
                    break;
                case "apiGroups":
                    apiGroups = ReadStringList("rules[].apiGroups");
                    break;
                case "resources":
                    resources = ReadStringList("rules[].resources");
                    break;
                case "resourceNames":
                    resourceNames = ReadStringList("rules[].resourceNames");
                    break;
                case "nonResourceURLs":
                    nonResourceUrls = ReadStringList("rules[].nonResourceURLs");
                    break;
                default:
                    Skip();
                    break;
            }
        }

        if (!hasVerbs)
        {
            draft.AddNamedProblem(new DraftProblem(start, "has a rule without verbs", "every rule needs verbs, for example verbs: [get, list, watch]"));
            return null;
        }

        if (verbs is not { } v || apiGroups is not { } g || resources is not { } r || resourceNames is not { } n || nonResourceUrls is not { } u)
        {
            return null;
        }

        return Pool.Rule(new PolicyRule(v, g, r, n, u));
    }

    private AggregationRule? ReadAggregationRule(ObjectDraft draft)
    {
        if (!EnterMapping("aggregationRule"))
        {
            return null;
        }

        var selectors = ImmutableArray.CreateBuilder<LabelSelector>();
        while (InCollection())
        {
            if (ReadKey() is not "clusterRoleSelectors")
            {
                Skip();
                continue;
            }

            if (!EnterSequence("aggregationRule.clusterRoleSelectors"))
            {
                continue;
            }

            while (InCollection())
            {
                if (ReadLabelSelector(draft) is { } selector)
                {
                    selectors.Add(selector);
                }
            }
        }

        return new AggregationRule(selectors.DrainToImmutable());
    }

    private LabelSelector? ReadLabelSelector(ObjectDraft draft)
    {
        if (!EnterMapping("clusterRoleSelectors[]"))
        {
            return null;
        }

        var matchLabels = EmptyLabels;
        var matchExpressions = ImmutableArray.CreateBuilder<LabelSelectorRequirement>();
        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "matchLabels":
                    matchLabels = ReadStringMap("matchLabels") ?? EmptyLabels;
                    break;
                case "matchExpressions":
                    if (EnterSequence("matchExpressions"))
                    {
                        while (InCollection())
                        {
                            if (ReadRequirement(draft) is { } requirement)
                            {
                                matchExpressions.Add(requirement);
                            }
                        }
                    }

                    break;
                default:
                    Skip();
                    break;
            }
        }

        return new LabelSelector(matchLabels, matchExpressions.DrainToImmutable());
    }

    private LabelSelectorRequirement? ReadRequirement(ObjectDraft draft)
    {
        var start = Current.Start;
        if (!EnterMapping("matchExpressions[]"))
        {
            return null;
        }

        string? key = null;
        string? op = null;
        ImmutableArray<string>? values = [];
        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "key":
                    key = ReadString("matchExpressions[].key");
                    break;
                case "operator":
                    op = ReadString("matchExpressions[].operator");
                    break;
                case "values":
                    values = ReadStringList("matchExpressions[].values");
                    break;
                default:
                    Skip();
                    break;
            }
        }

        if (key is null || op is null)
        {
            draft.AddNamedProblem(new DraftProblem(start, "has a matchExpressions item without key or operator", "each expression needs key, operator (In, NotIn, Exists, DoesNotExist) and, for In/NotIn, values"));
            return null;
        }

        return values is { } v ? new LabelSelectorRequirement(key, op, v) : null;
    }

    private void ReadRoleRef(ObjectDraft draft)
    {
        if (Current is MappingStart)
        {
            draft.RoleRefStart = Current.Start;
        }

        if (!EnterMapping("roleRef"))
        {
            return;
        }

        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "kind":
                    draft.RoleRefKindStart = Current.Start;
                    draft.RoleRefKind = ReadString("roleRef.kind");
                    break;
                case "name":
                    draft.RoleRefName = ReadString("roleRef.name");
                    break;
                default:
                    Skip();
                    break;
            }
        }
    }

    private ImmutableArray<Subject>? ReadSubjects(ObjectDraft draft)
    {
        if (!EnterSequence("subjects"))
        {
            return null;
        }

        _subjectScratch.Clear();
        while (InCollection())
        {
            var start = Current.Start;
            if (!EnterMapping("subjects[]"))
            {
                continue;
            }

            string? kind = null;
            string? name = null;
            string? ns = null;
            while (InCollection())
            {
                switch (ReadKey())
                {
                    case null:
                        break;
                    case "kind":
                        kind = ReadString("subjects[].kind");
                        break;
                    case "name":
                        name = ReadString("subjects[].name");
                        break;
                    case "namespace":
                        ns = ReadString("subjects[].namespace");
                        break;
                    default:
                        Skip();
                        break;
                }
            }

            if (kind is null || name is null)
            {
                draft.AddNamedProblem(new DraftProblem(start, kind is null ? "has a subject without kind" : "has a subject without name", SubjectHint));
            }
            else if (kind is not (Subject.UserKind or Subject.GroupKind or Subject.ServiceAccountKind))
            {
                draft.AddNamedProblem(new DraftProblem(start, $"has subject kind '{kind}'", "subject kind must be User, Group or ServiceAccount"));
            }
            else
            {
                _subjectScratch.Add(Pool.Subject(new Subject(kind, name, ns ?? "")));
            }
        }

        return Pool.Subjects(CollectionsMarshal.AsSpan(_subjectScratch));
    }

    private void ReadData(ObjectDraft draft)
    {
        if (!EnterMapping("data"))
        {
            return;
        }

        var data = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var lines = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        while (InCollection())
        {
            var key = ReadKey();
            if (key is null)
            {
                continue;
            }

            if (Current is Scalar value)
            {
                // A block scalar (| or >) starts on the line after its indicator.
                var line = (int)value.Start.Line + (value.Style is ScalarStyle.Literal or ScalarStyle.Folded ? 1 : 0);
                data[key] = value.Value;
                lines[key] = line;
                MoveNext();
            }
            else
            {
                ReportWrongType("data." + key, "a string", "ConfigMap data values are strings; use a block scalar (|) for YAML text");
                Skip();
            }
        }

        draft.Data = data.ToImmutable();
        draft.DataLines = lines.ToImmutable();
    }

    private void ReadSpec(ObjectDraft draft)
    {
        if (Current is MappingStart)
        {
            draft.SpecStart = Current.Start;
        }

        if (!EnterMapping("spec"))
        {
            return;
        }

        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "hard" when draft.Wants(ResourceQuotaKind):
                    draft.Hard = ReadSortedStringMap("spec.hard");
                    break;
                case "limits" when draft.Wants(LimitRangeKind):
                    draft.Limits = ReadLimits(draft);
                    break;
                case "group" when draft.Wants(CustomResourceDefinitionKind):
                    draft.Group = ReadString("spec.group");
                    break;
                case "names" when draft.Wants(CustomResourceDefinitionKind):
                    ReadNames(draft);
                    break;
                case "scope" when draft.Wants(CustomResourceDefinitionKind):
                    draft.ScopeStart = Current.Start;
                    draft.Scope = ReadString("spec.scope");
                    break;
                default:
                    Skip();
                    break;
            }
        }
    }

    private ImmutableArray<LimitRangeItem>? ReadLimits(ObjectDraft draft)
    {
        if (!EnterSequence("spec.limits"))
        {
            return null;
        }

        var items = ImmutableArray.CreateBuilder<LimitRangeItem>();
        while (InCollection())
        {
            var start = Current.Start;
            if (!EnterMapping("spec.limits[]"))
            {
                continue;
            }

            string? type = null;
            var defaults = EmptyQuantities;
            var defaultRequests = EmptyQuantities;
            var max = EmptyQuantities;
            var min = EmptyQuantities;
            while (InCollection())
            {
                switch (ReadKey())
                {
                    case null:
                        break;
                    case "type":
                        type = ReadString("spec.limits[].type");
                        break;
                    case "default":
                        defaults = ReadSortedStringMap("spec.limits[].default") ?? EmptyQuantities;
                        break;
                    case "defaultRequest":
                        defaultRequests = ReadSortedStringMap("spec.limits[].defaultRequest") ?? EmptyQuantities;
                        break;
                    case "max":
                        max = ReadSortedStringMap("spec.limits[].max") ?? EmptyQuantities;
                        break;
                    case "min":
                        min = ReadSortedStringMap("spec.limits[].min") ?? EmptyQuantities;
                        break;
                    default:
                        Skip();
                        break;
                }
            }

            if (type is null)
            {
                draft.AddNamedProblem(new DraftProblem(start, "has a limit without type", "each spec.limits item needs type: Container, Pod or PersistentVolumeClaim"));
            }
            else
            {
                items.Add(new LimitRangeItem(type, defaults, defaultRequests, max, min));
            }
        }

        return items.DrainToImmutable();
    }

    private void ReadNames(ObjectDraft draft)
    {
        if (Current is MappingStart)
        {
            draft.NamesStart = Current.Start;
        }

        if (!EnterMapping("spec.names"))
        {
            return;
        }

        while (InCollection())
        {
            switch (ReadKey())
            {
                case null:
                    break;
                case "plural":
                    draft.Plural = ReadString("spec.names.plural");
                    break;
                case "singular":
                    draft.Singular = ReadString("spec.names.singular");
                    break;
                case "kind":
                    draft.NamesKind = ReadString("spec.names.kind");
                    break;
                case "shortNames":
                    draft.ShortNames = ReadStringList("spec.names.shortNames");
                    break;
                default:
                    Skip();
                    break;
            }
        }
    }

    private void ReadItems(ObjectDraft draft)
    {
        if (!EnterSequence("items"))
        {
            return;
        }

        while (InCollection())
        {
            if (Current is MappingStart)
            {
                var item = ReadObject();
                if (item.Kind is null)
                {
                    (draft.KindlessItems ??= []).Add(item);
                }
                else
                {
                    Dispatch(item);
                }
            }
            else
            {
                ReportWrongType("items[]", "a Kubernetes object", "each item of a List is an object with kind and metadata");
                Skip();
            }
        }
    }

    private void Dispatch(ObjectDraft draft)
    {
        switch (draft.Kind)
        {
            case RoleKind:
                AddRole(draft);
                break;
            case ClusterRoleKind:
                AddClusterRole(draft);
                break;
            case RoleBindingKind:
            case ClusterRoleBindingKind:
                AddBinding(draft);
                break;
            case NamespaceKind:
                if (Accept(draft, namespaced: false))
                {
                    _builder.AddNamespace(new NamespaceObject(draft.Name!, draft.Labels ?? EmptyLabels), SourceOf(draft.Start), At(draft.Start));
                }

                break;
            case ServiceAccountKind:
                if (Accept(draft, namespaced: true))
                {
                    _builder.AddServiceAccount(new ServiceAccountObject(draft.Namespace!, draft.Name!) { Labels = draft.Labels ?? EmptyLabels }, SourceOf(draft.Start), At(draft.Start));
                }

                break;
            case ResourceQuotaKind:
                if (Accept(draft, namespaced: true))
                {
                    _builder.AddResourceQuota(new ResourceQuotaObject(draft.Namespace!, draft.Name!, draft.Hard ?? EmptyQuantities) { Labels = draft.Labels ?? EmptyLabels }, SourceOf(draft.Start), At(draft.Start));
                }

                break;
            case LimitRangeKind:
                if (Accept(draft, namespaced: true))
                {
                    _builder.AddLimitRange(new LimitRangeObject(draft.Namespace!, draft.Name!, draft.Limits ?? []) { Labels = draft.Labels ?? EmptyLabels }, SourceOf(draft.Start), At(draft.Start));
                }

                break;
            case ConfigMapKind:
                AddConfigMap(draft);
                break;
            case CustomResourceDefinitionKind:
                AddCustomResourceDefinition(draft);
                break;
            case { } kind when kind.EndsWith(ListSuffix, StringComparison.Ordinal):
                DispatchKindlessItems(draft, kind);
                break;
            default:
                // Pods, Deployments, …: kubectl output holds every kind; the snapshot reads only the ones above.
                break;
        }
    }

    private void DispatchKindlessItems(ObjectDraft list, string listKind)
    {
        if (list.KindlessItems is null)
        {
            return;
        }

        var itemKind = string.Equals(listKind, ListSuffix, StringComparison.Ordinal) ? null : Pool.String(listKind[..^ListSuffix.Length]);
        foreach (var item in list.KindlessItems)
        {
            if (itemKind is null)
            {
                _builder.Error(new Diagnostic(At(item.Start), "object in a List has no kind", KindHint));
            }
            else
            {
                item.Kind = itemKind;
                Dispatch(item);
            }
        }
    }

    /// <summary>Reports what is wrong with an object of a known kind; true when it is complete.</summary>
    private bool Accept(ObjectDraft draft, bool namespaced)
    {
        if (draft.Problems is not null)
        {
            foreach (var problem in draft.Problems)
            {
                _builder.Error(problem);
            }

            return false;
        }

        var ok = true;
        if (draft.Name is null)
        {
            _builder.Error(new Diagnostic(At(draft.Start), $"{draft.Kind} has no metadata.name", "every object needs metadata.name"));
            ok = false;
        }
        else if (namespaced && draft.Namespace is null)
        {
            _builder.Error(new Diagnostic(At(draft.Start), $"{draft.Kind} '{draft.Name}' has no metadata.namespace", "a snapshot holds objects as kubectl prints them, with metadata.namespace"));
            ok = false;
        }

        if (draft.NamedProblems is not null)
        {
            foreach (var problem in draft.NamedProblems)
            {
                Fail(draft, problem.At, problem.Text, problem.Hint);
            }

            ok = false;
        }

        return ok;
    }

    private void Fail(ObjectDraft draft, Mark at, string text, string hint)
    {
        var what = draft.Name is null ? draft.Kind : $"{draft.Kind} '{draft.Name}'";
        _builder.Error(new Diagnostic(At(at), $"{what} {text}", hint));
    }

    private void AddRole(ObjectDraft draft)
    {
        if (Accept(draft, namespaced: true))
        {
            var role = new Role(draft.Namespace!, draft.Name!, draft.Rules ?? []) { Labels = draft.Labels ?? EmptyLabels, Source = SourceOf(draft.Start) };
            _builder.AddRole(role, At(draft.Start));
        }
    }

    private void AddClusterRole(ObjectDraft draft)
    {
        if (Accept(draft, namespaced: false))
        {
            var role = new ClusterRole(draft.Name!, draft.Rules ?? [])
            {
                Labels = draft.Labels ?? EmptyLabels,
                AggregationRule = draft.AggregationRule,
                Source = SourceOf(draft.Start),
            };
            _builder.AddClusterRole(role, At(draft.Start));
        }
    }

    private void AddBinding(ObjectDraft draft)
    {
        var isClusterBinding = string.Equals(draft.Kind, ClusterRoleBindingKind, StringComparison.Ordinal);
        if (!Accept(draft, namespaced: !isClusterBinding) || ReadRoleRef(draft, isClusterBinding) is not { } roleRef)
        {
            return;
        }

        var subjects = draft.Subjects ?? [];
        if (isClusterBinding)
        {
            _builder.AddClusterRoleBinding(new ClusterRoleBinding(draft.Name!, roleRef, subjects) { Labels = draft.Labels ?? EmptyLabels, Source = SourceOf(draft.Start) }, At(draft.Start));
        }
        else
        {
            _builder.AddRoleBinding(new RoleBinding(draft.Namespace!, draft.Name!, roleRef, subjects) { Labels = draft.Labels ?? EmptyLabels, Source = SourceOf(draft.Start) }, At(draft.Start));
        }
    }

    private RoleRef? ReadRoleRef(ObjectDraft draft, bool isClusterBinding)
    {
        if (draft.RoleRefStart is not { } at)
        {
            Fail(draft, draft.Start, "has no roleRef", RoleRefHint);
            return null;
        }

        if (draft.RoleRefKind is not { } kind)
        {
            Fail(draft, at, "has no roleRef.kind", RoleRefHint);
            return null;
        }

        if (draft.RoleRefName is not { } name)
        {
            Fail(draft, at, "has no roleRef.name", RoleRefHint);
            return null;
        }

        if (kind is not (RoleRef.RoleKind or RoleRef.ClusterRoleKind))
        {
            Fail(draft, draft.RoleRefKindStart ?? at, $"has roleRef.kind '{kind}'", "roleRef.kind must be Role or ClusterRole");
            return null;
        }

        if (isClusterBinding && string.Equals(kind, RoleRef.RoleKind, StringComparison.Ordinal))
        {
            Fail(draft, draft.RoleRefKindStart ?? at, $"refers to Role '{name}'", "a ClusterRoleBinding can only refer to a ClusterRole; bind a Role with a RoleBinding in its namespace");
            return null;
        }

        return Pool.RoleRef(new RoleRef(kind, name));
    }

    private void AddConfigMap(ObjectDraft draft)
    {
        // Only kube-system/aws-auth matters; every other ConfigMap is ignored like an unknown kind.
        if (!string.Equals(draft.Name, AwsAuthName, StringComparison.Ordinal) || draft.Namespace is not (null or AwsAuthNamespace))
        {
            return;
        }

        if (Accept(draft, namespaced: true))
        {
            var configMap = new ConfigMapObject(draft.Namespace!, draft.Name!, draft.Data ?? EmptyLabels)
            {
                Source = SourceOf(draft.Start),
                Labels = draft.Labels ?? EmptyLabels,
                Annotations = draft.Annotations ?? EmptyLabels,
                DataLines = draft.DataLines ?? ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
            };
            _builder.SetAwsAuth(configMap, At(draft.Start));
        }
    }

    private void AddCustomResourceDefinition(ObjectDraft draft)
    {
        if (!Accept(draft, namespaced: false))
        {
            return;
        }

        const string NamesHint = "a CustomResourceDefinition needs spec.group, spec.names.plural, spec.names.kind and spec.scope";
        var specAt = draft.SpecStart ?? draft.Start;
        if (draft.Group is null)
        {
            Fail(draft, specAt, "has no spec.group", NamesHint);
        }
        else if (draft.Plural is null || draft.NamesKind is null)
        {
            Fail(draft, draft.NamesStart ?? specAt, draft.Plural is null ? "has no spec.names.plural" : "has no spec.names.kind", NamesHint);
        }
        else if (draft.Scope is not ("Namespaced" or "Cluster"))
        {
            Fail(draft, draft.ScopeStart ?? specAt, draft.Scope is null ? "has no spec.scope" : $"has spec.scope '{draft.Scope}'", "spec.scope must be Namespaced or Cluster");
        }
        else
        {
            var crd = new CustomResourceDefinitionObject(
                draft.Group,
                draft.Plural,
                draft.Singular ?? draft.NamesKind.ToLowerInvariant(),
                draft.NamesKind,
                draft.ShortNames ?? [],
                string.Equals(draft.Scope, "Namespaced", StringComparison.Ordinal));
            _builder.AddCustomResourceDefinition(crd, SourceOf(draft.Start), At(draft.Start));
        }
    }
}
