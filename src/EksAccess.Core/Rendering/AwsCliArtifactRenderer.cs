using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Rendering;

/// <summary>
/// <c>--format aws-cli</c>: <c>aws-cli/apply.sh</c>, a bash script of the exact <c>aws iam</c> / <c>aws eks</c> commands,
/// safe to re-run: every create is guarded by a get/describe, every put/update/associate replaces what is there, and an
/// access key is created only for a user with none. Order: IAM users, groups, roles, inline policies, memberships,
/// access keys → authentication mode (one way only, polled until the update succeeds) → access entries → access
/// policies. Policy documents come from <see cref="IamPolicyRenderer.Generate"/>, entries from the desired snapshot.
/// It never deletes anything; Kubernetes objects (RBAC, aws-auth) are <c>--format k8s</c>.
/// </summary>
public sealed class AwsCliArtifactRenderer : IArtifactRenderer
{
    public const string FormatName = "aws-cli";
    public const string FilePath = "aws-cli/apply.sh";

    private const string OnCluster = "--cluster-name \"$CLUSTER\" --region \"$REGION\"";
    private const int PollAttempts = 90;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Format => FormatName;

    public ImmutableArray<RenderedFile> Render(AccessConfig config, ClusterSnapshot desired)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(desired);
        var cluster = config.Cluster;
        var script = new Script();
        script.Line("#!/usr/bin/env bash");
        script.Comment(
            $"""
            Rendered by `eksaccess render --format aws-cli` from {config.SourceFile}: cluster {cluster.Name} ({cluster.Region}, account {cluster.AccountId}).
            Safe to re-run: every create is guarded by a get/describe, and every put, update and associate replaces what is
            there. It never deletes: a principal, policy or association removed from access.yaml stays until removed by hand.
            Namespaces, quotas, RBAC objects and aws-auth are Kubernetes objects: `eksaccess render --format k8s`.
            """);
        script.Line("set -euo pipefail");
        script.Blank();
        script.Line($"CLUSTER={Q(cluster.Name)}");
        script.Line($"REGION={Q(cluster.Region)}");
        script.Line("export AWS_PAGER=\"\"");

        IamSection(script, config);
        AuthenticationModeSection(script, cluster.AuthenticationMode);
        AccessEntriesSection(script, desired.AccessEntries);
        if (cluster.ControlPlaneLogging is { } logging)
        {
            LoggingSection(script, logging);
        }

        if (desired.AwsAuth is not null)
        {
            script.Section("aws-auth");
            script.Comment(
                $"""
                accessMethod {Method(cluster.AccessMethod)}: the kube-system/aws-auth ConfigMap is a Kubernetes object, not an AWS API one.
                Apply it from `eksaccess render --format k8s` with kubectl once this script has run.
                """);
        }

        return [new RenderedFile(FilePath, script.ToString(), Executable: true)];
    }

    private static void IamSection(Script script, AccessConfig config)
    {
        var iam = config.Iam;
        var policies = IamPolicyRenderer.Generate(config);
        if (!iam.Users.IsDefaultOrEmpty)
        {
            script.Section("IAM users");
            foreach (var user in iam.Users)
            {
                script.Line($"aws iam get-user --user-name {Q(user.Name)} >/dev/null 2>&1 || aws iam create-user --user-name {Q(user.Name)} --path {Q(PrincipalResolver.NormalizePath(user.Path))} --tags {Tags(IamTags.Managed(user.Tags))}");
            }
        }

        if (!iam.Groups.IsDefaultOrEmpty)
        {
            script.Section("IAM groups");
            foreach (var group in iam.Groups)
            {
                script.Line($"aws iam get-group --group-name {Q(group.Name)} >/dev/null 2>&1 || aws iam create-group --group-name {Q(group.Name)} --path {Q(PrincipalResolver.NormalizePath(group.Path))}");
            }
        }

        if (!iam.Roles.IsDefaultOrEmpty)
        {
            script.Section("IAM roles (an existing role gets the trust policy and session duration again)");
            var trust = policies.TrustPolicies.ToDictionary(p => p.RoleName, StringComparer.Ordinal);
            foreach (var role in iam.Roles)
            {
                var name = Q(role.Name);
                var duration = role.MaxSessionDuration.ToString(CultureInfo.InvariantCulture);
                script.Line($"trust_policy={Q(trust[role.Name].Document)}");
                script.Line($"if aws iam get-role --role-name {name} >/dev/null 2>&1; then");
                script.Line($"  aws iam update-assume-role-policy --role-name {name} --policy-document \"$trust_policy\"");
                script.Line($"  aws iam update-role --role-name {name} --max-session-duration {duration}");
                script.Line("else");
                script.Line($"  aws iam create-role --role-name {name} --path {Q(PrincipalResolver.NormalizePath(role.Path))} --assume-role-policy-document \"$trust_policy\" --max-session-duration {duration} --tags {Tags(IamTags.Managed(role.Tags))}");
                script.Line("fi");
            }
        }

        if (!policies.InlinePolicies.IsDefaultOrEmpty)
        {
            script.Section("Inline policies (put replaces the document)");
            foreach (var policy in policies.InlinePolicies)
            {
                var (verb, entity) = policy.EntityKind switch
                {
                    IamEntityKind.User => ("put-user-policy", "--user-name"),
                    IamEntityKind.Role => ("put-role-policy", "--role-name"),
                    IamEntityKind.Group => ("put-group-policy", "--group-name"),
                    _ => throw new ArgumentOutOfRangeException(nameof(config), policy.EntityKind, message: null),
                };
                script.Line($"aws iam {verb} {entity} {Q(policy.EntityName)} --policy-name {Q(policy.PolicyName)} --policy-document {Q(policy.Document)}");
            }
        }

        var memberships = IamMemberships.ByUser(iam);
        if (!memberships.IsDefaultOrEmpty)
        {
            script.Section("IAM group memberships (adding a member again is a no-op)");
            foreach (var (user, groups) in memberships)
            {
                foreach (var group in groups)
                {
                    script.Line($"aws iam add-user-to-group --group-name {Q(group)} --user-name {Q(user)}");
                }
            }
        }

        var keyUsers = iam.Users.Where(u => u.CreateAccessKey).ToList();
        if (keyUsers.Count > 0)
        {
            script.Section("Access keys (createAccessKey: true), only for a user that has none");
            foreach (var user in keyUsers)
            {
                var file = Q($"{user.Name}.access-key.json");
                script.Comment(
                    $"""
                    {user.Name}: the output holds the secret access key, shown this once. It goes to {user.Name}.access-key.json
                    (mode 600): never print, log or commit it; hand it to {user.Name} through a secret store, then delete the file.
                    """);
                script.Line($"key_count=\"$(aws iam list-access-keys --user-name {Q(user.Name)} --query 'length(AccessKeyMetadata)' --output text)\"");
                script.Line("if [ \"$key_count\" = 0 ]; then");
                script.Line($"  (umask 077 && aws iam create-access-key --user-name {Q(user.Name)} > {file})");
                script.Line("fi");
            }
        }
    }

    private static void LoggingSection(Script script, ImmutableArray<string> wanted)
    {
        var enable = ClusterConfig.LogTypes.Where(t => wanted.Contains(t, StringComparer.Ordinal)).ToList();
        var disable = ClusterConfig.LogTypes.Where(t => !wanted.Contains(t, StringComparer.Ordinal)).ToList();
        var setups = new JsonArray();
        if (enable.Count > 0)
        {
            setups.Add((JsonNode)new JsonObject { ["types"] = new JsonArray([.. enable.Select(t => (JsonNode?)JsonValue.Create(t))]), ["enabled"] = true });
        }

        if (disable.Count > 0)
        {
            setups.Add((JsonNode)new JsonObject { ["types"] = new JsonArray([.. disable.Select(t => (JsonNode?)JsonValue.Create(t))]), ["enabled"] = false });
        }

        var json = new JsonObject { ["clusterLogging"] = setups }.ToJsonString(JsonOptions);
        var expected = string.Join(' ', enable.Order(StringComparer.Ordinal));
        script.Section("Control-plane logging");
        script.Comment("Enabled log types go to CloudWatch Logs group /aws/eks/$CLUSTER/cluster; updated only when they differ (EKS refuses an update that changes nothing).");
        script.Line("enabled_logs=\"$(aws eks describe-cluster --name \"$CLUSTER\" --region \"$REGION\" --query 'cluster.logging.clusterLogging[?enabled].types[]' --output text | tr '\\t' '\\n' | LC_ALL=C sort | xargs)\"");
        script.Line($"if [ \"$enabled_logs\" != {Q(expected)} ]; then");
        script.Line($"  aws eks update-cluster-config --name \"$CLUSTER\" --region \"$REGION\" --logging {Q(json)} >/dev/null");
        script.Line("fi");
    }

    private static void AuthenticationModeSection(Script script, AuthenticationMode mode)
    {
        var target = mode.ToWire();
        // EKS moves one way only: CONFIG_MAP → API_AND_CONFIG_MAP → API (and CONFIG_MAP → API directly).
        var from = mode switch
        {
            AuthenticationMode.ApiAndConfigMap => AuthenticationModes.ConfigMapValue,
            AuthenticationMode.Api => $"{AuthenticationModes.ConfigMapValue} | {AuthenticationModes.ApiAndConfigMapValue}",
            _ => null,
        };

        script.Section($"Authentication mode {target}");
        script.Comment("EKS changes the mode one way only (CONFIG_MAP -> API_AND_CONFIG_MAP -> API), as an asynchronous cluster update.");
        script.Line("current_mode=\"$(aws eks describe-cluster --name \"$CLUSTER\" --region \"$REGION\" --query cluster.accessConfig.authenticationMode --output text)\"");
        script.Line("case \"$current_mode\" in");
        script.Line($"  {target})");
        script.Line("    ;;");
        if (from is not null)
        {
            script.Line($"  {from})");
            script.Line($"    update_id=\"$(aws eks update-cluster-config --name \"$CLUSTER\" --region \"$REGION\" --access-config authenticationMode={target} --query update.id --output text)\"");
            script.Line($"    echo \"waiting for update $update_id (authenticationMode $current_mode -> {target})\" >&2");
            script.Line("    status=InProgress");
            script.Line($"    for _ in $(seq 1 {PollAttempts.ToString(CultureInfo.InvariantCulture)}); do");
            script.Line("      status=\"$(aws eks describe-update --name \"$CLUSTER\" --region \"$REGION\" --update-id \"$update_id\" --query update.status --output text)\"");
            script.Line("      [ \"$status\" = InProgress ] || break");
            script.Line("      sleep \"${POLL_SECONDS:-10}\"");
            script.Line("    done");
            script.Line("    if [ \"$status\" != Successful ]; then");
            script.Line("      echo \"error: update $update_id of cluster $CLUSTER is $status — see aws eks describe-update --name $CLUSTER --region $REGION --update-id $update_id\" >&2");
            script.Line("      exit 1");
            script.Line("    fi");
            script.Line("    ;;");
        }

        script.Line("  *)");
        script.Line($"    echo \"error: cluster $CLUSTER is in authentication mode $current_mode, which EKS cannot change to {target} (modes only move CONFIG_MAP -> API_AND_CONFIG_MAP -> API) — set cluster.authenticationMode: $current_mode in access.yaml\" >&2");
        script.Line("    exit 1");
        script.Line("    ;;");
        script.Line("esac");
    }

    private static void AccessEntriesSection(Script script, ImmutableArray<AccessEntry> entries)
    {
        if (entries.IsDefaultOrEmpty)
        {
            return;
        }

        script.Section("Access entries (an existing STANDARD entry gets its groups and username again)");
        foreach (var entry in entries)
        {
            var principal = $"--principal-arn {Q(entry.PrincipalArn)}";
            var describe = $"aws eks describe-access-entry {OnCluster} {principal} >/dev/null 2>&1";
            var tags = $"--tags {IamTags.ManagedByKey}={IamTags.ManagedByValue}";
            if (!string.Equals(entry.Type, AccessEntry.StandardType, StringComparison.Ordinal))
            {
                // EKS fixes a node entry's username and groups; it takes no access policies.
                script.Line($"{describe} || aws eks create-access-entry {OnCluster} {principal} --type {Q(entry.Type)} {tags}");
                continue;
            }

            var groups = entry.KubernetesGroups.IsDefaultOrEmpty ? null : "--kubernetes-groups " + string.Join(' ', entry.KubernetesGroups.Select(Q));
            var username = entry.Username is null ? null : $" --username {Q(entry.Username)}";
            script.Line($"if {describe}; then");
            script.Line($"  aws eks update-access-entry {OnCluster} {principal} {groups ?? "--kubernetes-groups '[]'"}{username}");
            script.Line("else");
            script.Line($"  aws eks create-access-entry {OnCluster} {principal} --type {AccessEntry.StandardType}{(groups is null ? "" : " " + groups)}{username} {tags}");
            script.Line("fi");
        }

        var associations = entries.SelectMany(e => (e.AssociatedAccessPolicies.IsDefault ? [] : e.AssociatedAccessPolicies).Select(p => (e.PrincipalArn, Policy: p))).ToList();
        if (associations.Count == 0)
        {
            return;
        }

        script.Section("Access policies (associating again replaces the scope)");
        foreach (var (principalArn, policy) in associations)
        {
            var scope = AccessScopeArgument(policy.AccessScope);
            script.Line($"aws eks associate-access-policy {OnCluster} --principal-arn {Q(principalArn)} --policy-arn {Q(policy.PolicyArn)} --access-scope {Q(scope)}");
        }
    }

    /// <summary><c>type=namespace,namespaces=a,b</c> (shorthand, as the walk-through writes it), or JSON for a namespace shorthand would split.</summary>
    private static string AccessScopeArgument(AccessScope scope)
    {
        if (scope.IsCluster)
        {
            return $"type={AccessScope.ClusterType}";
        }

        if (scope.Namespaces.All(ns => ns.Length > 0 && ns.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '*' or '.' or '_' or ' ')))
        {
            return $"type={AccessScope.NamespaceType},namespaces={string.Join(',', scope.Namespaces)}";
        }

        var json = new JsonObject
        {
            ["type"] = AccessScope.NamespaceType,
            ["namespaces"] = new JsonArray([.. scope.Namespaces.Select(ns => (JsonNode)JsonValue.Create(ns))]),
        };
        return json.ToJsonString(JsonOptions);
    }

    /// <summary><c>Key=k,Value=v …</c> (shorthand) when every key and value is plain, else the JSON list, quoted.</summary>
    private static string Tags(ImmutableSortedDictionary<string, string> tags)
    {
        if (tags.All(t => IsShorthandSafe(t.Key) && IsShorthandSafe(t.Value)))
        {
            return string.Join(' ', tags.Select(t => $"Key={t.Key},Value={t.Value}"));
        }

        var json = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]);
        return Q(json.ToJsonString(JsonOptions));
    }

    private static bool IsShorthandSafe(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '@' or '+');

    private static string Method(AccessMethod method) => method switch
    {
        AccessMethod.AwsAuth => "awsAuth",
        AccessMethod.Both => "both",
        _ => "accessEntries",
    };

    private static string Q(string value) => BashQuoting.Quote(value);

    private sealed class Script
    {
        private readonly StringBuilder _text = new();

        public void Line(string line) => _text.Append(line).Append('\n');

        public void Blank() => _text.Append('\n');

        public void Comment(string text)
        {
            foreach (var line in text.Split('\n'))
            {
                Line(line.Length == 0 ? "#" : "# " + line);
            }
        }

        public void Section(string title)
        {
            Blank();
            Line($"# ---- {title} ----");
        }

        public override string ToString() => _text.ToString();
    }
}
