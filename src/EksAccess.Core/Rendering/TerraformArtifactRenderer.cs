using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using EksAccess.Core.Authorization;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Rendering;

/// <summary>
/// <c>--format terraform</c>: <c>terraform/access.tf</c>, already in <c>terraform fmt</c> form. It holds the arguments to
/// merge into a terraform-aws-modules/eks <c>module "eks"</c> block (<c>authentication_mode</c>, <c>access_entries</c>);
/// the IAM users, groups, roles, inline policies and memberships (hashicorp/aws, documents from
/// <see cref="IamPolicyRenderer.Generate"/> through <c>jsonencode</c>); the namespaces, quotas, limit ranges and RBAC objects
/// (hashicorp/kubernetes <c>kubernetes_*_v1</c>); and for aws-auth a <c>kubernetes_config_map_v1_data</c> with the exact
/// text of <see cref="AwsAuthWriter"/>. Access keys are left out: Terraform would keep the secret in its state.
/// </summary>
public sealed class TerraformArtifactRenderer : IArtifactRenderer
{
    public const string FormatName = "terraform";
    public const string FilePath = "terraform/access.tf";

    private const string RbacApiGroup = "rbac.authorization.k8s.io";

    public string Format => FormatName;

    public ImmutableArray<RenderedFile> Render(AccessConfig config, ClusterSnapshot desired)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(desired);
        var context = new Context(config, desired);
        var file = new HclBody();
        file.Comment(
            $"""
            Rendered by `eksaccess render --format terraform` from {config.SourceFile}: cluster {config.Cluster.Name} ({config.Cluster.Region}, account {config.Cluster.AccountId}).
            Needs the hashicorp/aws provider and the hashicorp/kubernetes provider configured for this cluster.
            Edit access.yaml and render again rather than editing this file.
            """);
        file.BlankLine();
        ModuleFragment(file, context);
        IamResources(file, context);
        KubernetesResources(file, context);
        AwsAuth(file, desired);
        return [new RenderedFile(FilePath, HclEmitter.Emit(file))];
    }

    private static void ModuleFragment(HclBody file, Context context)
    {
        var cluster = context.Config.Cluster;
        var comment = """
            EKS access entries. This "eks" module block is a FRAGMENT: merge its arguments into your own
            module "eks" { source = "terraform-aws-modules/eks/aws" ... } block (module v20 or later), do not add a second one.
            """;
        if (context.Desired.AccessEntries.Any(e => !string.Equals(e.Type, AccessEntry.StandardType, StringComparison.Ordinal)))
        {
            comment += "\n\n" + """
                The entries of a type other than STANDARD are the node roles of cluster.nodeRoles. EKS creates the entries of
                managed node groups and Fargate profiles itself, and the module those of its self-managed node groups: drop
                any of them that already exists, or the apply fails with ResourceInUseException.
                """;
        }

        file.Comment(comment);
        file.Block("module", ["eks"], module =>
        {
            module.Attribute("authentication_mode", cluster.AuthenticationMode.ToWire());
            if (cluster.ControlPlaneLogging is { } logging)
            {
                module.Attribute("cluster_enabled_log_types", HclList.Of(ClusterConfig.LogTypes.Where(t => logging.Contains(t, StringComparer.Ordinal))));
            }

            if (context.Desired.AccessEntries.IsDefaultOrEmpty)
            {
                return;
            }

            module.BlankLine();
            var entries = new HclObject();
            var keys = new HclNames();
            foreach (var entry in context.Desired.AccessEntries)
            {
                var value = new HclObject().Add("principal_arn", context.PrincipalArn(entry.PrincipalArn)).Add("type", entry.Type);
                if (!entry.KubernetesGroups.IsDefaultOrEmpty)
                {
                    value.Add("kubernetes_groups", HclList.Of(entry.KubernetesGroups));
                }

                if (entry.Username is not null)
                {
                    value.Add("user_name", entry.Username);
                }

                if (!entry.AssociatedAccessPolicies.IsDefaultOrEmpty)
                {
                    var associations = new HclObject();
                    var policyKeys = new HclNames();
                    foreach (var policy in entry.AssociatedAccessPolicies)
                    {
                        var scope = new HclObject().Add("type", policy.AccessScope.Type);
                        if (!policy.AccessScope.IsCluster)
                        {
                            scope.Add("namespaces", HclList.Of(policy.AccessScope.Namespaces));
                        }

                        associations.Add(
                            policyKeys.Claim("policy", PrincipalResolver.IamNameOf(policy.PolicyArn)),
                            new HclObject().Add("policy_arn", policy.PolicyArn).Add("access_scope", scope));
                    }

                    value.Add("policy_associations", associations);
                }

                entries.Add(keys.Claim("entry", PrincipalResolver.IamNameOf(entry.PrincipalArn)), value);
            }

            module.Attribute("access_entries", entries);
        });

        file.BlankLine();
    }

    private static void IamResources(HclBody file, Context context)
    {
        var iam = context.Config.Iam;
        var policies = IamPolicyRenderer.Generate(context.Config);
        foreach (var user in iam.Users)
        {
            file.Block("resource", ["aws_iam_user", context.UserNames[user.Name]], body => body
                .Attribute("name", user.Name)
                .Attribute("path", PrincipalResolver.NormalizePath(user.Path))
                .Attribute("tags", HclObject.FromDictionary(IamTags.Managed(user.Tags))));
            file.BlankLine();
            if (user.CreateAccessKey)
            {
                file.Comment(
                    $"""
                    iam.users[{user.Name}].createAccessKey: not rendered. An aws_iam_access_key keeps the secret in the Terraform
                    state; create the key outside Terraform (`eksaccess render --format aws-cli` does, into a mode-600 file).
                    """);
                file.BlankLine();
            }
        }

        foreach (var group in iam.Groups)
        {
            file.Block("resource", ["aws_iam_group", context.GroupNames[group.Name]], body => body
                .Attribute("name", group.Name)
                .Attribute("path", PrincipalResolver.NormalizePath(group.Path)));
            file.BlankLine();
        }

        var trust = policies.TrustPolicies.ToDictionary(p => p.RoleName, StringComparer.Ordinal);
        foreach (var role in iam.Roles)
        {
            file.Block("resource", ["aws_iam_role", context.RoleNames[role.Name]], body => body
                .Attribute("name", role.Name)
                .Attribute("path", PrincipalResolver.NormalizePath(role.Path))
                .Attribute("max_session_duration", new HclExpression(role.MaxSessionDuration.ToString(CultureInfo.InvariantCulture)))
                .Attribute("assume_role_policy", JsonEncode(trust[role.Name].Document))
                .Attribute("tags", HclObject.FromDictionary(IamTags.Managed(role.Tags))));
            file.BlankLine();
        }

        var policyNames = new HclNames();
        foreach (var policy in policies.InlinePolicies)
        {
            var (resourceType, entityAttribute, entity) = policy.EntityKind switch
            {
                IamEntityKind.User => ("aws_iam_user_policy", "user", context.UserReference(policy.EntityName)),
                IamEntityKind.Role => ("aws_iam_role_policy", "role", context.RoleReference(policy.EntityName)),
                IamEntityKind.Group => ("aws_iam_group_policy", "group", context.GroupReference(policy.EntityName)),
                _ => throw new ArgumentOutOfRangeException(nameof(context), policy.EntityKind, message: null),
            };
            file.Block("resource", [resourceType, policyNames.Claim(resourceType, $"{policy.EntityName}_{policy.PolicyName}")], body => body
                .Attribute("name", policy.PolicyName)
                .Attribute(entityAttribute, entity)
                .Attribute("policy", JsonEncode(policy.Document)));
            file.BlankLine();
        }

        var membershipNames = new HclNames();
        foreach (var (user, groups) in IamMemberships.ByUser(iam))
        {
            file.Block("resource", ["aws_iam_user_group_membership", membershipNames.Claim("membership", user)], body => body
                .Attribute("user", context.UserReference(user))
                .Attribute("groups", new HclList(groups.Select(context.GroupReference))));
            file.BlankLine();
        }
    }

    private static void KubernetesResources(HclBody file, Context context)
    {
        var desired = context.Desired;
        var names = new HclNames();
        foreach (var ns in desired.Namespaces)
        {
            file.Block("resource", ["kubernetes_namespace_v1", context.NamespaceNames[ns.Name]], body => body
                .Block("metadata", metadata => Metadata(metadata, context, ns.Name, null, ns.Labels)));
            file.BlankLine();
        }

        foreach (var quota in desired.ResourceQuotas)
        {
            file.Block("resource", ["kubernetes_resource_quota_v1", names.Claim("quota", $"{quota.Namespace}_{quota.Name}")], body => body
                .Block("metadata", metadata => Metadata(metadata, context, quota.Name, quota.Namespace))
                .BlankLine()
                .Block("spec", spec => spec.Attribute("hard", HclObject.FromDictionary(quota.Hard))));
            file.BlankLine();
        }

        foreach (var limits in desired.LimitRanges)
        {
            file.Block("resource", ["kubernetes_limit_range_v1", names.Claim("limits", $"{limits.Namespace}_{limits.Name}")], body => body
                .Block("metadata", metadata => Metadata(metadata, context, limits.Name, limits.Namespace))
                .BlankLine()
                .Block("spec", spec =>
                {
                    foreach (var item in limits.Limits)
                    {
                        spec.Block("limit", limit =>
                        {
                            limit.Attribute("type", item.Type);
                            AddIfAny(limit, "default", item.Default);
                            AddIfAny(limit, "default_request", item.DefaultRequest);
                            AddIfAny(limit, "max", item.Max);
                            AddIfAny(limit, "min", item.Min);
                        });
                    }
                }));
            file.BlankLine();
        }

        foreach (var role in desired.ClusterRoles)
        {
            file.Block("resource", ["kubernetes_cluster_role_v1", names.Claim("clusterrole", role.Name)], body =>
            {
                body.Block("metadata", metadata => Metadata(metadata, context, role.Name, null, role.Labels));
                if (role.AggregationRule is not null)
                {
                    body.BlankLine().Block("aggregation_rule", aggregation => AggregationRule(aggregation, role.AggregationRule));
                }

                Rules(body, role.Rules, allowNonResourceUrls: true);
            });
            file.BlankLine();
        }

        foreach (var role in desired.Roles)
        {
            file.Block("resource", ["kubernetes_role_v1", names.Claim("role", $"{role.Namespace}_{role.Name}")], body =>
            {
                body.Block("metadata", metadata => Metadata(metadata, context, role.Name, role.Namespace));
                Rules(body, role.Rules, allowNonResourceUrls: false);
            });
            file.BlankLine();
        }

        foreach (var binding in desired.RoleBindings)
        {
            file.Block("resource", ["kubernetes_role_binding_v1", names.Claim("rolebinding", $"{binding.Namespace}_{binding.Name}")], body =>
            {
                body.Block("metadata", metadata => Metadata(metadata, context, binding.Name, binding.Namespace));
                Binding(body, binding.RoleRef, binding.Subjects);
            });
            file.BlankLine();
        }

        foreach (var binding in desired.ClusterRoleBindings)
        {
            file.Block("resource", ["kubernetes_cluster_role_binding_v1", names.Claim("clusterrolebinding", binding.Name)], body =>
            {
                body.Block("metadata", metadata => Metadata(metadata, context, binding.Name, null));
                Binding(body, binding.RoleRef, binding.Subjects);
            });
            file.BlankLine();
        }
    }

    private static void AwsAuth(HclBody file, ClusterSnapshot desired)
    {
        if (desired.AwsAuth is not { } awsAuth)
        {
            return;
        }

        file.Comment(
            """
            WARNING — aws-auth: this takes over the mapRoles and mapUsers keys of kube-system/aws-auth and REPLACES their whole text.
            mapRoles lists only the node roles in cluster.nodeRoles: any other node role still mapped there is DROPPED, and
            its nodes can no longer join the cluster. Compare with `kubectl -n kube-system get configmap aws-auth -o yaml`
            and add every node role in use to cluster.nodeRoles in access.yaml before applying.
            force = false: the apply fails rather than take the keys from another field manager (eksctl, the console).
            The ConfigMap must exist: EKS creates it for managed node groups; on a cluster without them, create it first.
            """);
        file.Block("resource", ["kubernetes_config_map_v1_data", "aws-auth"], body =>
        {
            body.Block("metadata", metadata => metadata
                .Attribute("name", awsAuth.Name)
                .Attribute("namespace", awsAuth.Namespace));
            body.BlankLine();
            body.Attribute("force", new HclExpression("false"));
            body.BlankLine();
            var data = new HclObject();
            foreach (var (key, value) in awsAuth.Data.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                data.Add(key, new HclHeredoc(value));
            }

            body.Attribute("data", data);
        });
    }

    private static void Metadata(HclBody metadata, Context context, string name, string? ns, IEnumerable<KeyValuePair<string, string>>? labels = null)
    {
        metadata.Attribute("name", name);
        if (ns is not null)
        {
            metadata.Attribute("namespace", context.NamespaceReference(ns));
        }

        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels ?? [])
        {
            all[key] = value;
        }

        all[DesiredState.ManagedByLabel] = DesiredState.ManagedByValue;
        metadata.Attribute("labels", HclObject.FromDictionary(all));
    }

    private static void AddIfAny(HclBody body, string name, ImmutableSortedDictionary<string, string> values)
    {
        if (values.Count > 0)
        {
            body.Attribute(name, HclObject.FromDictionary(values));
        }
    }

    private static void Rules(HclBody body, ImmutableArray<PolicyRule> rules, bool allowNonResourceUrls)
    {
        foreach (var rule in rules)
        {
            body.BlankLine().Block("rule", block =>
            {
                var nonResource = allowNonResourceUrls && !rule.NonResourceUrls.IsDefaultOrEmpty;
                if (!nonResource || !rule.Resources.IsDefaultOrEmpty || !rule.ApiGroups.IsDefaultOrEmpty)
                {
                    block.Attribute("api_groups", HclList.Of(rule.ApiGroups.IsDefault ? [] : rule.ApiGroups));
                    block.Attribute("resources", HclList.Of(rule.Resources.IsDefault ? [] : rule.Resources));
                    if (!rule.ResourceNames.IsDefaultOrEmpty)
                    {
                        block.Attribute("resource_names", HclList.Of(rule.ResourceNames));
                    }
                }

                if (nonResource)
                {
                    block.Attribute("non_resource_urls", HclList.Of(rule.NonResourceUrls));
                }

                block.Attribute("verbs", HclList.Of(rule.Verbs.IsDefault ? [] : rule.Verbs));
            });
        }
    }

    private static void AggregationRule(HclBody aggregation, AggregationRule rule)
    {
        foreach (var selector in rule.ClusterRoleSelectors)
        {
            aggregation.Block("cluster_role_selectors", block =>
            {
                if (selector.MatchLabels.Count > 0)
                {
                    block.Attribute("match_labels", HclObject.FromDictionary(selector.MatchLabels));
                }

                foreach (var expression in selector.MatchExpressions.IsDefault ? [] : selector.MatchExpressions)
                {
                    block.Block("match_expressions", match =>
                    {
                        match.Attribute("key", expression.Key).Attribute("operator", expression.Operator);
                        if (!expression.Values.IsDefaultOrEmpty)
                        {
                            match.Attribute("values", HclList.Of(expression.Values));
                        }
                    });
                }
            });
        }
    }

    private static void Binding(HclBody body, RoleRef roleRef, ImmutableArray<Subject> subjects)
    {
        body.BlankLine().Block("role_ref", block => block
            .Attribute("api_group", RbacApiGroup)
            .Attribute("kind", roleRef.Kind)
            .Attribute("name", roleRef.Name));
        foreach (var subject in subjects)
        {
            body.BlankLine().Block("subject", block =>
            {
                block.Attribute("kind", subject.Kind).Attribute("name", subject.Name);
                if (subject.Namespace.Length > 0)
                {
                    block.Attribute("namespace", subject.Namespace);
                }

                if (!string.Equals(subject.Kind, Subject.ServiceAccountKind, StringComparison.Ordinal))
                {
                    block.Attribute("api_group", RbacApiGroup);
                }
            });
        }
    }

    private static HclCall JsonEncode(string document) => new("jsonencode", HclValue.FromJson(JsonNode.Parse(document)));

    /// <summary>Resource names claimed up front, so references resolve whatever the order the resources are written in.</summary>
    private sealed class Context
    {
        public Context(AccessConfig config, ClusterSnapshot desired)
        {
            Config = config;
            Desired = desired;
            var names = new HclNames();
            UserNames = config.Iam.Users.DistinctBy(u => u.Name, StringComparer.Ordinal).ToDictionary(u => u.Name, u => names.Claim("aws_iam_user", u.Name), StringComparer.Ordinal);
            GroupNames = config.Iam.Groups.DistinctBy(g => g.Name, StringComparer.Ordinal).ToDictionary(g => g.Name, g => names.Claim("aws_iam_group", g.Name), StringComparer.Ordinal);
            RoleNames = config.Iam.Roles.DistinctBy(r => r.Name, StringComparer.Ordinal).ToDictionary(r => r.Name, r => names.Claim("aws_iam_role", r.Name), StringComparer.Ordinal);
            NamespaceNames = desired.Namespaces.ToDictionary(n => n.Name, n => names.Claim("kubernetes_namespace_v1", n.Name), StringComparer.Ordinal);
            foreach (var user in config.Iam.Users)
            {
                _arnReferences.TryAdd(PrincipalResolver.UserArn(config.Cluster, user), $"aws_iam_user.{UserNames[user.Name]}.arn");
            }

            foreach (var role in config.Iam.Roles)
            {
                _arnReferences.TryAdd(PrincipalResolver.RoleArn(config.Cluster, role), $"aws_iam_role.{RoleNames[role.Name]}.arn");
            }
        }

        private readonly Dictionary<string, string> _arnReferences = new(StringComparer.Ordinal);

        public AccessConfig Config { get; }
        public ClusterSnapshot Desired { get; }
        public Dictionary<string, string> UserNames { get; }
        public Dictionary<string, string> GroupNames { get; }
        public Dictionary<string, string> RoleNames { get; }
        public Dictionary<string, string> NamespaceNames { get; }

        /// <summary>A reference to the aws_iam_user/aws_iam_role this file creates for the ARN, else the ARN itself.</summary>
        public HclValue PrincipalArn(string arn) =>
            _arnReferences.TryGetValue(arn, out var reference) ? new HclExpression(reference) : new HclString(arn);

        public HclValue UserReference(string name) => Reference("aws_iam_user", UserNames, name);

        public HclValue GroupReference(string name) => Reference("aws_iam_group", GroupNames, name);

        public HclValue RoleReference(string name) => Reference("aws_iam_role", RoleNames, name);

        public HclValue NamespaceReference(string name) =>
            NamespaceNames.TryGetValue(name, out var resource) ? new HclExpression($"kubernetes_namespace_v1.{resource}.metadata[0].name") : new HclString(name);

        private static HclValue Reference(string type, Dictionary<string, string> names, string name) =>
            names.TryGetValue(name, out var resource) ? new HclExpression($"{type}.{resource}.name") : new HclString(name);
    }
}
