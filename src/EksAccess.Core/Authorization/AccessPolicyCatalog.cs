using EksAccess.Core.Identity;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace EksAccess.Core.Authorization;

/// <summary>
/// Every EKS access policy known today, with the rules AWS publishes, read once (lazily, thread-safe) from the embedded
/// Resources/eks-access-policies.yaml (a verbatim copy of the reference file, which cites its sources and date).
/// A policy whose rules AWS has not published (rulesPublished: false or rules: null) has
/// <see cref="AccessPolicyDefinition.RulesPublished"/> false and no rules: it grants nothing offline.
/// </summary>
public static class AccessPolicyCatalog
{
    public const string ResourceFileName = "eks-access-policies.yaml";

    private const string PolicyResourcePrefix = "cluster-access-policy/";

    private static readonly Lazy<Catalog> LazyCatalog = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>All policies, in the order of the reference file.</summary>
    public static IReadOnlyCollection<AccessPolicyDefinition> All => LazyCatalog.Value.Ordered;

    /// <summary>
    /// Looks a policy up by short name (AmazonEKSEditPolicy) or by ARN of any partition
    /// (arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy, arn:aws-cn:…, arn:aws-us-gov:…).
    /// </summary>
    public static bool TryGet(string nameOrArn, [NotNullWhen(true)] out AccessPolicyDefinition? policy)
    {
        ArgumentNullException.ThrowIfNull(nameOrArn);
        return LazyCatalog.Value.ByName.TryGetValue(NameOf(nameOrArn), out policy);
    }

    /// <summary>The policy name of an access-policy ARN (any partition), or the input when it is not such an ARN.</summary>
    public static string NameOf(string nameOrArn)
    {
        ArgumentNullException.ThrowIfNull(nameOrArn);
        return AwsArn.ParseOrNull(nameOrArn) is { Service: "eks", Region: "", AccountId: "aws" } arn
            && arn.Partition.Length > 0
            && arn.Resource.StartsWith(PolicyResourcePrefix, StringComparison.Ordinal)
            ? arn.Resource[PolicyResourcePrefix.Length..]
            : nameOrArn;
    }

    private static Catalog Load()
    {
        const string path = ResourceFileName;
        var text = EmbeddedYaml.ReadResource(ResourceFileName);
        var root = EmbeddedYaml.Documents(text, path).Single();
        var ordered = new List<AccessPolicyDefinition>();
        foreach (var node in EmbeddedYaml.Mappings(root, "policies", path))
        {
            var name = EmbeddedYaml.Scalar(node, "name") ?? throw new InvalidDataException($"{path}:{node.Start.Line}: policy without a name");
            var published = EmbeddedYaml.Boolean(node, "rulesPublished") ?? false;
            var rules = EmbeddedYaml.Child(node, "rules") is YamlSequenceNode
                ? EmbeddedYaml.Mappings(node, "rules", path).Select(r => EmbeddedYaml.ReadRule(r, path)).ToImmutableArray()
                : [];
            if (!published || rules.IsEmpty)
            {
                published = false;
                rules = [];
            }

            // customerAssociable is true only where the reference says so; null or absent means AWS does not say.
            var customerAssociable = EmbeddedYaml.Boolean(node, "customerAssociable") ?? false;
            ordered.Add(new AccessPolicyDefinition(name, customerAssociable, published, rules));
        }

        var byName = ordered.ToDictionary(p => p.Name, StringComparer.Ordinal);
        return new Catalog([.. ordered], byName);
    }

    private sealed record Catalog(ImmutableArray<AccessPolicyDefinition> Ordered, Dictionary<string, AccessPolicyDefinition> ByName);
}
