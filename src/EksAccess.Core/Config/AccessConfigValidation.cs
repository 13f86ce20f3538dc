using EksAccess.Core.Text;
using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Identity;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

/// <summary>One run of <see cref="AccessConfigValidator"/>: walks the config once and collects diagnostics.</summary>
internal sealed partial class AccessConfigValidation
{
    /// <summary>Namespaces every cluster has, which a team may be granted without defining them.</summary>
    public static readonly IReadOnlyList<string> BuiltInNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>Access-entry username prefixes EKS refuses (docs/reference/eks-semantics.md §b).</summary>
    public static readonly IReadOnlyList<string> ReservedUsernamePrefixes = ["system:", "eks:", "aws:", "amazon:", "iam:"];

    private static readonly string[] NodeRoleTypes = ["EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX", "HYBRID_LINUX", "EC2", "HYPERPOD_LINUX"];
    private static readonly string[] LimitTypes = ["Container", "Pod", "PersistentVolumeClaim"];
    private static readonly string[] ScopeTypes = [AccessScope.ClusterType, AccessScope.NamespaceType];

    private readonly AccessConfig _config;
    private readonly ConfigSourceMap _map;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly SourceLocation _fileStart;
    private readonly bool _usesAccessEntries;
    private readonly string? _partition;
    private readonly string? _account;
    private readonly HashSet<string> _users = new(StringComparer.Ordinal);
    private readonly HashSet<string> _roles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);
    private readonly HashSet<string> _roleTemplates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clusterRoles = new(StringComparer.Ordinal);

    public AccessConfigValidation(AccessConfig config, ConfigSourceMap map)
    {
        _config = config;
        _map = map;
        _fileStart = new SourceLocation(config.SourceFile ?? "", 1, 1);
        _usesAccessEntries = config.Cluster.AccessMethod != AccessMethod.AwsAuth;
        _partition = AwsPartitions.IsKnown(config.Cluster.Partition) ? config.Cluster.Partition : null;
        _account = ConfigNames.IsAccountId(config.Cluster.AccountId) ? config.Cluster.AccountId : null;
    }

    private string PartitionOrDefault => _partition ?? AwsPartitions.Aws;

    private string AccountOrExample => _account ?? ConfigNames.AccountIdExample;

    public List<Diagnostic> Run()
    {
        CheckCluster();
        CheckUsers();
        CheckRoles();
        CheckGroups();
        CheckUserAssumeRoles();
        CheckNamespaces();
        CheckRoleTemplates();
        CheckClusterRoles();
        CheckTeams();
        CheckAdmins();
        CheckTests();
        return _diagnostics;
    }

    // ---- cluster ----

    private void CheckCluster()
    {
        var cluster = _config.Cluster;
        var at = Fallback(cluster.Location);
        if (!ConfigNames.IsClusterName(cluster.Name))
        {
            Report(Locate("cluster.name", at), $"cluster name '{cluster.Name}' is not a valid EKS cluster name", "use 1 to 100 letters, digits, '-' and '_', starting with a letter or digit");
        }

        CheckLogging(cluster, at);
        var regionValid = ConfigNames.IsRegion(cluster.Region);
        if (!regionValid)
        {
            Report(Locate("cluster.region", at), $"region '{cluster.Region}' is not an AWS region code", "use a region code such as us-east-1 or eu-west-1");
        }

        if (_account is null)
        {
            Report(Locate("cluster.accountId", at), $"accountId '{cluster.AccountId}' is not a 12-digit AWS account ID", $"write the 12 digits in quotes, e.g. accountId: \"{ConfigNames.AccountIdExample}\"");
        }

        if (_partition is null)
        {
            Report(Locate("cluster.partition", at), $"unknown partition '{cluster.Partition}'", Hint(cluster.Partition, AwsPartitions.All, "use one of"));
        }
        else if (regionValid && !string.Equals(AwsPartitions.ForRegion(cluster.Region), cluster.Partition, StringComparison.Ordinal))
        {
            var expected = AwsPartitions.ForRegion(cluster.Region);
            Report(
                Locate("cluster.partition", at),
                $"partition '{cluster.Partition}' does not match region '{cluster.Region}', which is in '{expected}'",
                $"write partition: {expected}, or remove the key: it defaults from the region");
        }

        for (var i = 0; i < cluster.TrustedAccountIds.Length; i++)
        {
            var account = cluster.TrustedAccountIds[i];
            if (!ConfigNames.IsAccountId(account))
            {
                Report(Locate($"cluster.trustedAccountIds[{i}]", at), $"trusted account '{account}' is not a 12-digit AWS account ID", "write the 12 digits in quotes, e.g. \"444455556666\"");
            }
        }

        var mode = cluster.AuthenticationMode;
        var method = cluster.AccessMethod;
        var methodAt = Locate("cluster.accessMethod", Locate("cluster.authenticationMode", at));
        if (method != AccessMethod.AwsAuth && mode == AuthenticationMode.ConfigMap)
        {
            Report(
                methodAt,
                $"accessMethod {Wire(method)} needs access entries, but authenticationMode CONFIG_MAP has none",
                "set authenticationMode: API_AND_CONFIG_MAP (or API), or accessMethod: awsAuth");
        }

        if (method != AccessMethod.AccessEntries && mode == AuthenticationMode.Api)
        {
            Report(
                methodAt,
                $"accessMethod {Wire(method)} writes the aws-auth ConfigMap, which authenticationMode API ignores",
                "set authenticationMode: API_AND_CONFIG_MAP, or accessMethod: accessEntries");
        }

        for (var i = 0; i < cluster.NodeRoles.Length; i++)
        {
            var nodeRole = cluster.NodeRoles[i];
            var path = $"cluster.nodeRoles[{i}]";
            var nodeAt = Locate(path, Fallback(nodeRole.Location));
            CheckArn(nodeRole.RoleArn, Locate(path + ".roleArn", nodeAt), "node role", [IamArnSyntax.RoleKind], []);
            if (!NodeRoleTypes.Contains(nodeRole.Type, StringComparer.Ordinal))
            {
                Report(Locate(path + ".type", nodeAt), $"unknown node role type '{nodeRole.Type}'", Hint(nodeRole.Type, NodeRoleTypes, "use one of"));
            }
        }
    }

    // ---- IAM ----

    private static bool IsBuiltInClusterRole(string name) => BuiltInClusterRoles.Contains(name);

    private void CheckDuplicate(Dictionary<string, SourceLocation> first, string name, SourceLocation at, string kind)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (first.TryGetValue(name, out var earlier))
        {
            Report(at, $"duplicate {kind} '{name}'", $"the first is at line {earlier.Line}, column {earlier.Column}; rename or remove one");
        }
        else
        {
            first.Add(name, at);
        }
    }

    private SourceLocation Locate(string path, SourceLocation fallback) => _map.Locate(path, fallback);

    private SourceLocation Fallback(SourceLocation recordLocation) => recordLocation.File is null ? _fileStart : recordLocation;

    private static string Hint(string value, IEnumerable<string> allowed, string lead)
    {
        var list = allowed.ToList();
        var all = $"{lead} {string.Join(", ", list)}";
        return Spelling.DidYouMean(value, list) is { } didYouMean ? $"{didYouMean} ({all})" : all;
    }

    private static string Join(string? didYouMean, string otherwise) => didYouMean is null ? otherwise : $"{didYouMean} Otherwise {otherwise}";

    private static string Wire(AccessMethod method) => method switch
    {
        AccessMethod.AccessEntries => "accessEntries",
        AccessMethod.AwsAuth => "awsAuth",
        _ => "both",
    };

    private void Report(SourceLocation at, string message, string hint) => _diagnostics.Add(new Diagnostic(at, message, hint));
}
