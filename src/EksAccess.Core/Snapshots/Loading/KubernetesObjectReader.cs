using System.Collections.Immutable;
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
internal sealed partial class KubernetesObjectReader : YamlNodeReader
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

}
