using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using static EksAccess.Core.Snapshots.Loading.KubernetesKinds;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>ConfigMaps (aws-auth), LimitRanges, ResourceQuotas and CustomResourceDefinitions.</summary>
internal sealed partial class KubernetesObjectReader
{
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
