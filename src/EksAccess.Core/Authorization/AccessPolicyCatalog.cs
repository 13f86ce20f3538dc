using System.Diagnostics.CodeAnalysis;

namespace EksAccess.Core.Authorization;

/// <summary>
/// Every EKS access policy known today. STUB: names only, no rules yet — the Authorization work replaces the
/// body with the embedded table (Resources/eks-access-policies.yaml). Keep the public API.
/// </summary>
public static class AccessPolicyCatalog
{
    private static readonly string[] Names =
    [
        "AmazonEKSClusterAdminPolicy", "AmazonEKSAdminPolicy", "AmazonEKSAdminViewPolicy", "AmazonEKSEditPolicy",
        "AmazonEKSViewPolicy", "AmazonEKSSecretReaderPolicy", "AmazonEKSHybridPolicy", "AmazonARCRegionSwitchScalingPolicy",
        "AmazonEKSAutoNodePolicy", "AmazonEKSBlockStoragePolicy", "AmazonEKSLoadBalancingPolicy", "AmazonEKSNetworkingPolicy",
        "AmazonEKSComputePolicy", "AmazonEKSBlockStorageClusterPolicy", "AmazonEKSComputeClusterPolicy",
        "AmazonEKSLoadBalancingClusterPolicy", "AmazonEKSNetworkingClusterPolicy", "AmazonEKSClusterInsightsPolicy",
        "AmazonEKSEventPolicy", "AmazonEKSPodIdentityPolicy", "AmazonEKSSecretAdminPolicy", "AmazonEKSACKPolicy",
        "AmazonEKSArgoCDPolicy", "AmazonEKSArgoCDClusterPolicy", "AmazonEKSKROPolicy", "AmazonEMRJobPolicy",
        "AmazonAIOpsAssistantPolicy", "AIDevOpsAgentAccessPolicy", "AmazonSagemakerHyperpodClusterPolicy",
        "AmazonSagemakerHyperpodControllerPolicy", "AmazonSagemakerHyperpodSpacePolicy",
        "AmazonSagemakerHyperpodSpaceTemplatePolicy", "AmazonSagemakerHyperpodSystemNamespacePolicy",
        "AmazonSagemakerHyperpodUserClusterPolicy",
    ];

    private static readonly Dictionary<string, AccessPolicyDefinition> ByName =
        Names.ToDictionary(n => n, n => new AccessPolicyDefinition(n, CustomerAssociable: true, RulesPublished: false, []), StringComparer.Ordinal);

    public static IReadOnlyCollection<AccessPolicyDefinition> All => ByName.Values;

    /// <summary>Looks a policy up by short name (AmazonEKSEditPolicy) or by ARN of any partition.</summary>
    public static bool TryGet(string nameOrArn, [NotNullWhen(true)] out AccessPolicyDefinition? policy)
    {
        ArgumentNullException.ThrowIfNull(nameOrArn);
        var slash = nameOrArn.LastIndexOf('/');
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) && nameOrArn.Contains(":eks::aws:cluster-access-policy/", StringComparison.Ordinal)
            ? nameOrArn[(slash + 1)..]
            : nameOrArn;
        return ByName.TryGetValue(name, out policy);
    }
}
