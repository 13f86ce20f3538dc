using System.Collections.Immutable;
using System.Runtime.InteropServices;
using EksAccess.Core.Authorization;
using YamlDotNet.Core.Events;
using static EksAccess.Core.Snapshots.Loading.KubernetesKinds;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>Roles, ClusterRoles and their bindings: rules, aggregation selectors, roleRef and subjects.</summary>
internal sealed partial class KubernetesObjectReader
{
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
}
