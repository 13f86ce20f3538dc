using System.Collections.Immutable;
using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;
using EksAccess.Core.AwsAuth;

namespace EksAccess.Core.Migration;

/// <summary>
/// Decides, mapping by mapping and in document order, what becomes of aws-auth (docs/decisions/migrate.md): read as
/// aws-iam-authenticator reads it (<see cref="AwsAuthParser"/>; for the same ARN the last mapping wins), each mapping
/// gets a verdict and, when it converts, the access entry that keeps its principal's username, groups and permissions.
/// Unlike eksctl's migrator it never keeps the first duplicate, never resolves a name in another account, never drops
/// the other groups of a system:masters mapping silently, and converts node and Fargate mappings.
/// </summary>
public static class MigrationPlanner
{
    public const string ClusterAdminPolicyArn = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
    public const string MastersGroup = "system:masters";
    public const string BootstrappersGroup = "system:bootstrappers";
    public const string NodeProxierGroup = "system:node-proxier";
    public const string WindowsProxyGroup = "eks:kube-proxy-windows";

    private static readonly ImmutableArray<string> NodeTypes = [AccessEntryDefaults.Ec2Linux, AccessEntryDefaults.Ec2Windows, AccessEntryDefaults.FargateLinux];

    public static ImmutableArray<MigrationVerdict> Decide(MigrationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var snapshot = input.Snapshot;
        var awsAuth = snapshot.AwsAuth is null ? AwsAuthMappings.Empty : AwsAuthParser.Parse(snapshot.AwsAuth);
        var entries = ExistingEntries(snapshot);
        var lastRole = awsAuth.MapRoles.GroupBy(r => Key(r.RoleArn), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var lastUser = awsAuth.MapUsers.GroupBy(u => Key(u.UserArn), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var context = new Context(snapshot, input.Lookups, entries);

        var verdicts = ImmutableArray.CreateBuilder<MigrationVerdict>();
        foreach (var role in awsAuth.MapRoles)
        {
            var source = $"{AwsAuthNames.MapRoles}[{role.Index}]";
            var winner = lastRole[Key(role.RoleArn)];
            verdicts.Add(!ReferenceEquals(winner, role)
                ? Duplicate(source, role.RoleArn, $"{AwsAuthNames.MapRoles}[{winner.Index}]")
                : Decide(context, source, role.RoleArn, role.Username, role.Groups));
        }

        foreach (var user in awsAuth.MapUsers)
        {
            var source = $"{AwsAuthNames.MapUsers}[{user.Index}]";
            if (lastRole.TryGetValue(Key(user.UserArn), out var role))
            {
                verdicts.Add(Duplicate(source, user.UserArn, $"{AwsAuthNames.MapRoles}[{role.Index}]", "mapRoles is checked first"));
                continue;
            }

            var winner = lastUser[Key(user.UserArn)];
            verdicts.Add(!ReferenceEquals(winner, user)
                ? Duplicate(source, user.UserArn, $"{AwsAuthNames.MapUsers}[{winner.Index}]")
                : Decide(context, source, user.UserArn, user.Username, user.Groups));
        }

        foreach (var account in awsAuth.AccountMappings)
        {
            verdicts.Add(MapAccount(snapshot, account, awsAuth, input.ObservedPrincipals));
        }

        return verdicts.ToImmutable();
    }

    private static MigrationVerdict Duplicate(string source, string arn, string winner, string? why = null) => new(
        source,
        arn,
        MigrationStatus.AlreadyCovered,
        ["duplicate: never used today"],
        $"{winner} maps the same principal and is the one aws-iam-authenticator uses ({why ?? "the last mapping of an ARN wins"}); its verdict covers this principal and this mapping is not converted");

    private static MigrationVerdict Decide(Context context, string source, string arn, string? username, ImmutableArray<string> groups)
    {
        MigrationVerdict NotConvertible(string principal, string reason, params string[] changes) =>
            new(source, principal, MigrationStatus.NotConvertible, [.. changes], reason);

        if (!IamPrincipalArn.TryParse(arn, out var principal, out var error))
        {
            return NotConvertible(arn, $"never matches a caller today ({error}); nothing to convert");
        }

        switch (principal.Kind)
        {
            case IamPrincipalKind.AssumedRole:
                return NotConvertible(arn, $"an STS session ARN never matches today (callers are compared as {principal.Canonicalize().Value}); an access entry cannot name a session — map the role");
            case IamPrincipalKind.Root or IamPrincipalKind.FederatedUser:
                return NotConvertible(arn, $"{(principal.Kind == IamPrincipalKind.Root ? "the account root user" : "an STS federated user")} cannot have an access entry; only aws-auth maps it, so it loses access in API mode");
            case IamPrincipalKind.Role when principal.HasPath:
                return NotConvertible(arn, $"a rolearn with a path never matches today (callers are compared as {principal.WithoutPath().Value}); converting it would grant access nobody has — remove the mapping or write it without the path");
            case IamPrincipalKind.Role when principal.IsServiceLinkedRole:
                return NotConvertible(arn, "EKS refuses access entries for service-linked roles");
        }

        var changes = new List<string>();
        var entryArn = principal.Value;
        if (context.Lookups is not null)
        {
            if (!context.Lookups.TryGetValue(Key(arn), out var lookup))
            {
                return NotConvertible(arn, "IAM was not asked about this principal");
            }

            switch (lookup.State)
            {
                case PrincipalLookupState.NotFound:
                    return NotConvertible(arn, $"the principal no longer exists ({lookup.Reason}); an access entry cannot name a deleted principal, and whoever re-creates it would get this access");
                case PrincipalLookupState.Unresolvable:
                    return NotConvertible(arn, $"cannot be resolved: {lookup.Reason}");
            }

            entryArn = lookup.Arn!;
            if (principal.Kind == IamPrincipalKind.User && !string.Equals(entryArn, principal.Value, StringComparison.OrdinalIgnoreCase))
            {
                return NotConvertible(arn, $"never matches today: the user's ARN is {entryArn}, and aws-iam-authenticator compares user ARNs with their path as written; converting it would grant access nobody has");
            }

            if (!string.Equals(entryArn, principal.Value, StringComparison.Ordinal))
            {
                changes.Add($"principalArn {principal.Value} → {entryArn} (the ARN IAM returns, with the path aws-auth cannot hold)");
            }
        }
        else if (principal.Kind == IamPrincipalKind.Role && principal.Name.StartsWith("AWSReservedSSO_", StringComparison.Ordinal))
        {
            changes.Add("offline: the real ARN of an IAM Identity Center role has the path aws-reserved/sso.amazonaws.com/[REGION/]; run with --cluster to resolve it before creating the entry");
        }

        var planned = Plan(context, source, principal, entryArn, username, groups, changes, out var refusal);
        if (planned is null)
        {
            return NotConvertible(entryArn, refusal!, [.. changes]);
        }

        if (context.Entries.TryGetValue(Key(principal.WithoutPath().Value), out var existing))
        {
            return Covered(source, entryArn, existing, planned);
        }

        var status = changes.Count == 0 ? MigrationStatus.Converted : MigrationStatus.ConvertedWithChanges;
        var reason = planned.Entry.Type switch
        {
            AccessEntryDefaults.Standard when planned.Entry.AssociatedAccessPolicies.IsEmpty => "same principal, username and groups, as a STANDARD access entry",
            AccessEntryDefaults.Standard => "system:masters cannot be a kubernetesGroup of an access entry: AmazonEKSClusterAdminPolicy at cluster scope grants the same, through authorization (review: admission and webhooks treat system:masters differently)",
            _ => $"a node mapping becomes an {planned.Entry.Type} entry, whose username and groups EKS fixes",
        };
        return new MigrationVerdict(source, entryArn, status, [.. changes], reason) { Entry = planned };
    }

    /// <summary>The entry for a mapping, or null with the reason EKS would refuse one.</summary>
    private static PlannedEntry? Plan(
        Context context, string source, IamPrincipalArn principal, string entryArn, string? username, ImmutableArray<string> groups, List<string> changes, out string? refusal)
    {
        refusal = null;
        groups = groups.IsDefault ? [] : groups;
        var nodeType = NodeType(username, groups);
        if (nodeType is not null)
        {
            if (principal.Kind != IamPrincipalKind.Role)
            {
                refusal = $"a node mapping for {principal.Value}, which is not a role: {nodeType} entries accept only IAM roles";
                return null;
            }

            if (context.Snapshot.Cluster?.AccountId is { } account && !string.Equals(account, principal.AccountId, StringComparison.Ordinal))
            {
                refusal = $"a node role of account {principal.AccountId}: {nodeType} entries accept only roles of the cluster's account {account}";
                return null;
            }

            var fixedGroups = AccessEntryDefaults.Groups(nodeType);
            var dropped = groups.Where(g => !fixedGroups.Contains(g, StringComparer.Ordinal)).ToImmutableArray();
            foreach (var group in dropped)
            {
                changes.Add($"{group} no longer listed: EKS gives {nodeType} entries {(fixedGroups.IsEmpty ? "groups it does not document" : $"only [{string.Join(", ", fixedGroups)}]")}");
            }

            changes.Insert(0, $"type {nodeType}: username {AccessEntryDefaults.Username(nodeType, principal)} and the groups are fixed by EKS");
            var nodeGroups = new[] { BootstrappersGroup, AccessEntryDefaults.NodesGroup, NodeProxierGroup, WindowsProxyGroup };
            return new PlannedEntry(source, Entry(entryArn, nodeType, AccessEntryDefaults.Username(nodeType, principal), fixedGroups, []))
            {
                ReviewedGroups = [.. dropped.Where(g => nodeGroups.Contains(g, StringComparer.Ordinal))],
                ReviewNote = $"{nodeType} entry: EKS fixes its groups; the node components that check {string.Join(", ", dropped)} (the Node authorizer, CSR approval) are not in the evaluator",
            };
        }

        var defaultUsername = AccessEntryDefaults.Username(AccessEntryDefaults.Standard, principal)!;
        string entryUsername;
        if (username is null || username.Length == 0)
        {
            entryUsername = defaultUsername;
            changes.Add($"username: empty today (the mapping sets none) → {defaultUsername}, the default EKS gives the entry");
        }
        else
        {
            if (!string.Equals(username, defaultUsername, StringComparison.Ordinal) && AccessEntryDefaults.UsernameRestriction(username) is { } restriction)
            {
                refusal = $"EKS refuses the username '{username}' on an access entry ({restriction}); RBAC bindings name it, so a changed username would change permissions";
                return null;
            }

            entryUsername = username;
        }

        var masters = groups.Contains(MastersGroup, StringComparer.Ordinal);
        var systemGroups = groups.Where(g => g.StartsWith(AccessEntryDefaults.ReservedGroupPrefix, StringComparison.Ordinal) && !string.Equals(g, MastersGroup, StringComparison.Ordinal)).ToList();
        if (!masters && systemGroups.Count > 0)
        {
            refusal = $"EKS refuses kubernetesGroups starting with 'system:' ({string.Join(", ", systemGroups)}) and no access policy stands for them";
            return null;
        }

        var kept = groups.Where(g => !g.StartsWith(AccessEntryDefaults.ReservedGroupPrefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (!masters)
        {
            return new PlannedEntry(source, Entry(entryArn, AccessEntryDefaults.Standard, entryUsername, kept, []));
        }

        changes.Add("system:masters → AmazonEKSClusterAdminPolicy at cluster scope");
        if (kept.Length > 0)
        {
            changes.Add($"kubernetesGroups kept: {string.Join(", ", kept)}");
        }

        foreach (var group in systemGroups)
        {
            changes.Add($"{group} dropped: EKS refuses system: groups on access entries");
        }

        return new PlannedEntry(source, Entry(entryArn, AccessEntryDefaults.Standard, entryUsername, kept, [new AssociatedAccessPolicy(ClusterAdminPolicyArn, AccessScope.Cluster)]))
        {
            ReviewedGroups = [MastersGroup],
            ReviewNote = "system:masters → AmazonEKSClusterAdminPolicy: equal in the can-i matrix, but system:masters bypasses authorization and admission webhooks and policies exempt it, the policy does not",
        };
    }

    /// <summary>EC2_LINUX / EC2_WINDOWS for the EKS node username, FARGATE_LINUX for a Fargate pod-execution mapping, else null.</summary>
    private static string? NodeType(string? username, ImmutableArray<string> groups)
    {
        if (string.Equals(username, AccessEntryDefaults.Ec2NodeUsername, StringComparison.Ordinal))
        {
            return groups.Contains(WindowsProxyGroup, StringComparer.Ordinal) ? AccessEntryDefaults.Ec2Windows : AccessEntryDefaults.Ec2Linux;
        }

        return string.Equals(username, AccessEntryDefaults.SessionNodeUsername, StringComparison.Ordinal) && groups.Contains(NodeProxierGroup, StringComparer.Ordinal)
            ? AccessEntryDefaults.FargateLinux
            : null;
    }

    private static MigrationVerdict Covered(string source, string arn, AccessEntry existing, PlannedEntry planned)
    {
        var type = AccessEntryDefaults.NormalizeType(existing.Type);
        if (NodeTypes.Contains(type, StringComparer.Ordinal) && string.Equals(type, planned.Entry.Type, StringComparison.Ordinal))
        {
            return new MigrationVerdict(source, existing.PrincipalArn, MigrationStatus.EksManaged, [],
                $"an {type} access entry exists for this node role: EKS creates it for managed node groups and Fargate profiles when the mode leaves CONFIG_MAP, and it overrides the mapping");
        }

        var differences = Compare(existing, planned.Entry);
        var equivalent = differences.Count == 0 ? "equivalent to the mapping" : "NOT equivalent to the mapping (see changes; the proof shows what that does)";
        return new MigrationVerdict(source, arn, MigrationStatus.AlreadyCovered, [.. differences],
            $"an access entry exists for the principal ({existing.PrincipalArn}, type {type}) and overrides the mapping outside CONFIG_MAP; it is {equivalent}");
    }

    private static List<string> Compare(AccessEntry existing, AccessEntry planned)
    {
        var differences = new List<string>();
        if (!string.Equals(AccessEntryDefaults.NormalizeType(existing.Type), planned.Type, StringComparison.Ordinal))
        {
            differences.Add($"type {existing.Type} (mapping: {planned.Type})");
        }

        if (!string.Equals(existing.Username ?? planned.Username, planned.Username, StringComparison.Ordinal))
        {
            differences.Add($"username {existing.Username} (mapping: {planned.Username})");
        }

        var groups = existing.KubernetesGroups.IsDefault ? [] : existing.KubernetesGroups;
        if (!groups.Order(StringComparer.Ordinal).SequenceEqual(planned.KubernetesGroups.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            differences.Add($"kubernetesGroups [{string.Join(", ", groups)}] (mapping: [{string.Join(", ", planned.KubernetesGroups)}])");
        }

        var policies = (existing.AssociatedAccessPolicies.IsDefault ? [] : existing.AssociatedAccessPolicies).Select(Describe).Order(StringComparer.Ordinal);
        var wanted = planned.AssociatedAccessPolicies.Select(Describe).Order(StringComparer.Ordinal);
        if (!policies.SequenceEqual(wanted, StringComparer.Ordinal))
        {
            differences.Add($"access policies [{string.Join(", ", policies)}] (mapping: [{string.Join(", ", wanted)}])");
        }

        return differences;
    }

    private static string Describe(AssociatedAccessPolicy policy) =>
        policy.AccessScope.IsCluster ? $"{policy.PolicyArn} (cluster)" : $"{policy.PolicyArn} ({string.Join(",", policy.AccessScope.Namespaces)})";

    private static MigrationVerdict MapAccount(ClusterSnapshot snapshot, AwsAuthAccountMapping account, AwsAuthMappings awsAuth, ImmutableArray<string> observed)
    {
        var partition = snapshot.Cluster?.Partition ?? AwsPartitions.Aws;
        var explicitly = awsAuth.MapRoles.Select(r => Key(r.RoleArn)).Concat(awsAuth.MapUsers.Select(u => Key(u.UserArn))).ToHashSet(StringComparer.Ordinal);
        var admitted = observed
            .Select(arn => IamPrincipalArn.TryParse(arn, out var p, out _) ? p.Canonicalize() : null)
            .Where(p => p is not null && string.Equals(p.AccountId, account.AccountId, StringComparison.Ordinal) && !explicitly.Contains(Key(p.Value)))
            .Select(p => p!.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        var who = admitted.IsEmpty
            ? observed.IsEmpty ? "give --audit-file with the authenticator log to list who it admits today" : "the logs show nobody admitted through it"
            : $"the logs show {admitted.Length} principal(s) admitted through it";
        return new MigrationVerdict(
            $"{AwsAuthNames.MapAccounts}[{account.Index}]",
            $"arn:{partition}:iam::{account.AccountId}:*",
            MigrationStatus.NotConvertible,
            [],
            $"mapAccounts admits every IAM principal of account {account.AccountId} (username = its canonical ARN, no groups); access entries name principals one by one, so it stays in aws-auth and is lost in API mode — {who}")
        {
            Admitted = admitted,
        };
    }

    private static AccessEntry Entry(string arn, string type, string? username, ImmutableArray<string> groups, ImmutableArray<AssociatedAccessPolicy> policies) =>
        new(arn, type, username, groups, policies);

    private static Dictionary<string, AccessEntry> ExistingEntries(ClusterSnapshot snapshot)
    {
        var result = new Dictionary<string, AccessEntry>(StringComparer.Ordinal);
        foreach (var entry in snapshot.AccessEntries.IsDefault ? [] : snapshot.AccessEntries)
        {
            if (IamPrincipalArn.TryParse(entry.PrincipalArn, out var principal, out _))
            {
                result[Key(principal.WithoutPath().Value)] = entry;
            }
        }

        return result;
    }

    internal static string Key(string arn) => arn.ToLowerInvariant();

    private sealed record Context(ClusterSnapshot Snapshot, IReadOnlyDictionary<string, PrincipalLookup>? Lookups, Dictionary<string, AccessEntry> Entries);
}
