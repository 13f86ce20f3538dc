using System.Collections.Immutable;
using System.Text;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;
using EksAccess.Core.Text;

namespace EksAccess.Core.Rendering;

/// <summary>
/// <c>--format eksctl</c>: <c>eksctl/cluster-config.yaml</c>, an eksctl.io/v1alpha5 ClusterConfig fragment with eksctl's
/// own field names: <c>accessConfig.authenticationMode</c>, <c>accessConfig.accessEntries</c> (accessEntries|both; the
/// desired snapshot's entries, node roles included, with <c>principalARN</c>, <c>type</c>, <c>kubernetesGroups</c>,
/// <c>kubernetesUsername</c>, <c>accessPolicies[].policyARN/accessScope</c>) and <c>iamIdentityMappings</c> (awsAuth|both;
/// <see cref="DesiredPrincipal.AwsAuthArn"/>/username/groups, roles then users as in aws-auth, node roles left to
/// eksctl's nodegroups). Entry types eksctl does not accept are left out and named in the header comment.
/// </summary>
public sealed class EksctlArtifactRenderer : IArtifactRenderer
{
    public const string FormatName = "eksctl";
    public const string FileName = "cluster-config.yaml";
    public const string FilePath = "eksctl/" + FileName;

    /// <summary>The access-entry types eksctl's ClusterConfig validation accepts.</summary>
    public static ImmutableArray<string> SupportedEntryTypes { get; } = [AccessEntry.StandardType, "EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX"];

    public string Format => FormatName;

    public ImmutableArray<RenderedFile> Render(AccessConfig config, ClusterSnapshot desired)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(desired);
        var cluster = config.Cluster;
        var entries = desired.AccessEntries.IsDefault ? [] : desired.AccessEntries;
        var supported = entries.Where(e => SupportedEntryTypes.Contains(e.Type, StringComparer.Ordinal)).ToList();
        var unsupported = entries.Where(e => !SupportedEntryTypes.Contains(e.Type, StringComparer.Ordinal)).ToList();
        var mappings = desired.AwsAuth is null ? [] : IdentityMappings(config);

        var accessConfig = new YamlMapping().Add("authenticationMode", cluster.AuthenticationMode.ToWire());
        if (supported.Count > 0)
        {
            accessConfig.Add("accessEntries", new YamlSequence(supported.Select(Entry)));
        }

        var document = new YamlMapping()
            .Add("apiVersion", "eksctl.io/v1alpha5")
            .Add("kind", "ClusterConfig")
            .Add("metadata", new YamlMapping().Add("name", cluster.Name).Add("region", cluster.Region))
            .Add("accessConfig", accessConfig);
        if (mappings.Count > 0)
        {
            document.Add("iamIdentityMappings", new YamlSequence(mappings));
        }

        if (cluster.ControlPlaneLogging is { } logging)
        {
            // eksctl's ClusterConfig.cloudWatch.clusterLogging.enableTypes: the types not listed are disabled.
            var enabled = ClusterConfig.LogTypes.Where(t => logging.Contains(t, StringComparer.Ordinal)).Select(t => (YamlNode)new YamlScalar(t));
            document.Add("cloudWatch", new YamlMapping().Add("clusterLogging", new YamlMapping().Add("enableTypes", new YamlSequence(enabled))));
        }

        var header = new StringBuilder();
        void Comment(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                header.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
            }
        }

        Comment($"Rendered by `eksaccess render --format eksctl` from {config.SourceFile}: cluster {cluster.Name} ({cluster.Region}).");
        Comment("A ClusterConfig FRAGMENT: merge accessConfig and iamIdentityMappings into your cluster's ClusterConfig. On an existing cluster:");
        if (cluster.AuthenticationMode != AuthenticationMode.ConfigMap)
        {
            // The mode only moves towards API; a CONFIG_MAP cluster stays as it is.
            Comment($"  eksctl utils update-authentication-mode --cluster {cluster.Name} --region {cluster.Region} --authentication-mode {cluster.AuthenticationMode.ToWire()}");
        }

        if (supported.Count > 0)
        {
            Comment($"  eksctl create accessentry -f {FileName}");
        }

        if (mappings.Count > 0)
        {
            Comment($"  eksctl create iamidentitymapping -f {FileName}");
        }

        if (supported.Any(e => !string.Equals(e.Type, AccessEntry.StandardType, StringComparison.Ordinal)))
        {
            Comment("Entries of a type other than STANDARD are cluster.nodeRoles: eksctl creates the entries of its own nodegroups, so drop those.");
        }

        foreach (var entry in unsupported)
        {
            Comment($"Left out: {entry.PrincipalArn} (type {entry.Type}), a type eksctl does not accept; create it with --format aws-cli or terraform.");
        }

        if (mappings.Count > 0 && config.Cluster.NodeRoles.Length > 0)
        {
            Comment("iamIdentityMappings leaves out cluster.nodeRoles: eksctl maps its nodegroups' roles in aws-auth itself.");
        }

        Comment("IAM users, roles and policies: --format aws-cli or terraform. Namespaces and RBAC objects: --format k8s.");
        return [new RenderedFile(FilePath, header + YamlEmitter.Emit(document))];
    }

    private static YamlMapping Entry(AccessEntry entry)
    {
        var mapping = new YamlMapping().Add("principalARN", entry.PrincipalArn).Add("type", entry.Type);
        mapping.AddIfAny("kubernetesGroups", entry.KubernetesGroups.IsDefault ? [] : entry.KubernetesGroups);
        if (entry.Username is not null)
        {
            mapping.Add("kubernetesUsername", entry.Username);
        }

        if (!entry.AssociatedAccessPolicies.IsDefaultOrEmpty)
        {
            mapping.Add("accessPolicies", new YamlSequence(entry.AssociatedAccessPolicies.Select(policy =>
            {
                var scope = new YamlMapping().Add("type", policy.AccessScope.Type);
                if (!policy.AccessScope.IsCluster)
                {
                    scope.Add("namespaces", YamlSequence.Of(policy.AccessScope.Namespaces));
                }

                return (YamlNode)new YamlMapping().Add("policyARN", policy.PolicyArn).Add("accessScope", scope);
            })));
        }

        return mapping;
    }

    /// <summary>As <see cref="AwsAuthWriter"/> orders aws-auth: roles, then users, one per ARN (case-insensitive), node roles skipped.</summary>
    private static List<YamlNode> IdentityMappings(AccessConfig config)
    {
        var principals = PrincipalResolver.Resolve(config);
        var seen = new HashSet<string>(config.Cluster.NodeRoles.Select(n => PrincipalResolver.AwsAuthArn(n.RoleArn)), StringComparer.OrdinalIgnoreCase);
        var mappings = new List<YamlNode>();
        foreach (var principal in principals.Where(p => p.Kind == IamPrincipalKind.Role).Concat(principals.Where(p => p.Kind == IamPrincipalKind.User)))
        {
            if (seen.Add(principal.AwsAuthArn))
            {
                mappings.Add(new YamlMapping()
                    .Add("arn", principal.AwsAuthArn)
                    .Add("username", principal.AwsAuthUsername)
                    .Add("groups", YamlSequence.Of(principal.AwsAuthGroups)));
            }
        }

        return mappings;
    }
}
