using EksAccess.Core.Config;

namespace EksAccess.Core.Tests.Config;

/// <summary>One small YAML per problem in Inputs/Config, with every diagnostic line it must produce, exactly.</summary>
public sealed class AccessConfigDiagnosticsTests
{
    public static TheoryData<string, string[]> Cases() => new()
    {
        {
            "access.access-policies.yaml",
            [
                "access.access-policies.yaml:18:20: unknown access policy 'AmazonEKSEditPolcy' — did you mean 'AmazonEKSEditPolicy'? Otherwise use a policy name such as AmazonEKSViewPolicy (aws eks list-access-policies lists them)",
                "access.access-policies.yaml:24:11: a namespace-scoped access policy needs namespaces — add namespaces: [NAME, …] (wildcards such as dev-* work), or set type: cluster",
                "access.access-policies.yaml:25:20: access policy ARN 'arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy' does not match the cluster's partition 'aws' — write arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy, or just AmazonEKSViewPolicy",
                "access.access-policies.yaml:28:23: a cluster-scoped access policy takes no namespaces — remove namespaces, or set type: namespace to limit the policy to them",
                "access.access-policies.yaml:31:17: unknown accessScope type 'Namespace' — did you mean 'namespace'? (use cluster, namespace)",
                "access.access-policies.yaml:32:24: 'Dev_*' is not a namespace name or pattern — use a DNS-1123 label, optionally with '*' wildcards such as dev-*",
            ]
        },
        { "access.account-id-int.yaml", [] },
        {
            "access.logging.yaml",
            [
                "access.logging.yaml:7:18: unknown control-plane log type 'audits' — did you mean 'audit'? Otherwise use api, audit, authenticator, controllerManager or scheduler",
                "access.logging.yaml:7:26: control-plane log type 'api' is listed twice — list each log type once",
            ]
        },
        {
            "access.assume-roles.yaml",
            [
                "access.assume-roles.yaml:10:21: IAM user 'dev-john' may assume 'k8s-dev-role', which is not an IAM role in this config — did you mean 'k8s-devs-role'? Otherwise define it under iam.roles, or fix the name",
                "access.assume-roles.yaml:18:36: IAM group 'devs' may assume 'Admin', which is not an IAM role in this config — define it under iam.roles, or fix the name",
            ]
        },
        {
            "access.account-id-number.yaml",
            [
                "access.account-id-number.yaml:6:14: account ID 11122223333 has 11 digits: YAML reads it as a number, and a number loses leading zeros — quote it: \"011122223333\" if leading zeros were lost",
                "access.account-id-number.yaml:7:23: account ID 012345678901 is a YAML number, which loses its leading zero — quote it: \"012345678901\"",
            ]
        },
        {
            "access.api-mode-aws-auth.yaml",
            [
                "access.api-mode-aws-auth.yaml:8:17: accessMethod both writes the aws-auth ConfigMap, which authenticationMode API ignores — set authenticationMode: API_AND_CONFIG_MAP, or accessMethod: accessEntries",
            ]
        },
        {
            "access.aws-auth-access-policies.yaml",
            [
                "access.aws-auth-access-policies.yaml:14:9: team 'dev-team' has access policies, but accessMethod awsAuth has no access entries to associate them with — set cluster.accessMethod: accessEntries (or both), or grant the same through roles and clusterRoles",
            ]
        },
        {
            "access.bad-arns.yaml",
            [
                "access.bad-arns.yaml:9:16: node role 'arn:aws:iam::999988887777:role/NodeRole' is in account 999988887777, which is neither the cluster's account 111122223333 nor in cluster.trustedAccountIds — add \"999988887777\" to cluster.trustedAccountIds if that account should have access, or fix the account ID",
                "access.bad-arns.yaml:17:13: trusted principal 'arn:aws:iam::222233334444:user/mallory' is in account 222233334444, which is neither the cluster's account 111122223333 nor in cluster.trustedAccountIds — add \"222233334444\" to cluster.trustedAccountIds if that account should have access, or fix the account ID",
                "access.bad-arns.yaml:21:9: team 'dev-team' member 'arn:aws-cn:iam::111122223333:role/Dev' is in partition 'aws-cn', but the cluster is in 'aws' — write arn:aws:… (the partition follows cluster.region)",
                "access.bad-arns.yaml:22:9: team 'dev-team' member 'arn:aws:sts::111122223333:assumed-role/Dev/john' is an STS assumed-role (session) ARN, but an IAM role ARN or an IAM user ARN is expected here — use the role's ARN, arn:aws:iam::111122223333:role/Dev: sessions come and go, the role stays",
                "access.bad-arns.yaml:25:16: admin 'arn:aws:iam:111122223333:role/Admin' is not a valid IAM ARN: an ARN has six ':'-separated parts, arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE — write it as arn:aws:iam::111122223333:role/NAME",
            ]
        },
        {
            "access.bad-header.yaml",
            [
                "access.bad-header.yaml:1:13: unsupported apiVersion 'v1' — use 'apiVersion: eksaccess.io/v1alpha1'",
                "access.bad-header.yaml:2:7: unsupported kind 'ConfigMap' — use 'kind: AccessConfig'",
            ]
        },
        {
            "access.bad-tests.yaml",
            [
                "access.bad-tests.yaml:10:9: test principal 'dev-john' is neither an IAM user or role in this config nor an IAM ARN — define it under iam.users or iam.roles, or write its ARN, e.g. arn:aws:iam::111122223333:role/dev-john",
                "access.bad-tests.yaml:12:9: test 'list' does not parse: missing RESOURCE after 'list' — write kubectl auth can-i arguments: VERB TYPE [NAME] [-n NAMESPACE | -A] [--subresource SUB] [--api-group GROUP], or VERB /PATH",
                "access.bad-tests.yaml:13:9: test 'get pods -n dev -A' does not parse: -n/--namespace and -A/--all-namespaces cannot be used together — write kubectl auth can-i arguments: VERB TYPE [NAME] [-n NAMESPACE | -A] [--subresource SUB] [--api-group GROUP], or VERB /PATH",
                "access.bad-tests.yaml:14:9: test 'get /healthz -n dev' does not parse: a non-resource URL ('/healthz') has no namespace: drop -n/-A — write kubectl auth can-i arguments: VERB TYPE [NAME] [-n NAMESPACE | -A] [--subresource SUB] [--api-group GROUP], or VERB /PATH",
                "access.bad-tests.yaml:15:9: test 'get pods --as admin' does not parse: unknown flag '--as' (allowed: -n/--namespace, -A/--all-namespaces, --subresource, --api-group) — write kubectl auth can-i arguments: VERB TYPE [NAME] [-n NAMESPACE | -A] [--subresource SUB] [--api-group GROUP], or VERB /PATH",
                "access.bad-tests.yaml:17:9: test 'get pods/web-0 web-1 -n dev' does not parse: give the name once: either 'pods/web-0' or a third argument 'web-1', not both — write kubectl auth can-i arguments: VERB TYPE [NAME] [-n NAMESPACE | -A] [--subresource SUB] [--api-group GROUP], or VERB /PATH",
            ]
        },
        { "access.cross-account.yaml", [] },
        {
            "access.dns-names.yaml",
            [
                "access.dns-names.yaml:8:11: namespace name 'Dev_Apps' is not a valid DNS-1123 label — use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
                "access.dns-names.yaml:9:11: namespace name 'this-namespace-name-is-far-too-long-to-be-a-dns-label-because-it-has-70-chars' is not a valid DNS-1123 label — use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
                "access.dns-names.yaml:11:11: Role name 'dev/role' is invalid — use 1 to 253 characters without '/' or '%' (and not '.' or '..')",
            ]
        },
        {
            "access.duplicate-key.yaml",
            [
                "access.duplicate-key.yaml:7:3: duplicate key 'region' — remove one of them: the first is at line 5, column 3",
            ]
        },
        {
            "access.duplicates.yaml",
            [
                "access.duplicates.yaml:10:13: duplicate IAM user 'dev-john' — the first is at line 9, column 13; rename or remove one",
                "access.duplicates.yaml:14:13: duplicate IAM role 'Dev' — the first is at line 12, column 13; rename or remove one",
                "access.duplicates.yaml:18:13: duplicate IAM group 'devs' — the first is at line 17, column 13; rename or remove one",
                "access.duplicates.yaml:21:11: duplicate namespace 'dev' — the first is at line 20, column 11; rename or remove one",
                "access.duplicates.yaml:24:11: duplicate Role 'r' — the first is at line 23, column 11; rename or remove one",
                "access.duplicates.yaml:27:11: duplicate ClusterRole 'c' — the first is at line 26, column 11; rename or remove one",
                "access.duplicates.yaml:30:11: duplicate team 't' — the first is at line 29, column 11; rename or remove one",
                "access.duplicates.yaml:34:20: team 't' lists access policy 'AmazonEKSViewPolicy' twice, but EKS associates a policy with an access entry only once — merge the two into one entry (the first is at line 32, column 20) with all the namespaces",
            ]
        },
        {
            "access.empty.yaml",
            [
                "access.empty.yaml:1:1: the access config is empty — start with 'apiVersion: eksaccess.io/v1alpha1', 'kind: AccessConfig' and a 'cluster:' section",
            ]
        },
        {
            "access.many-errors.yaml",
            [
                "access.many-errors.yaml:7:3: unknown key 'accesMethod' — did you mean 'accessMethod'?",
                "access.many-errors.yaml:9:11: namespace name 'Dev' is not a valid DNS-1123 label — use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
                "access.many-errors.yaml:12:15: team 'dev-team' member 'nobody' is neither an IAM user or role in this config nor an IAM ARN — define it under iam.users or iam.roles, or write its ARN, e.g. arn:aws:iam::111122223333:role/nobody",
                "access.many-errors.yaml:14:20: team 'dev-team' is granted namespace 'dev', which is not defined — did you mean 'Dev'? Otherwise define it under namespaces:, or fix the name",
                "access.many-errors.yaml:17:20: unknown access policy 'AmazonEKSFooPolicy' — did you mean 'AmazonEKSKROPolicy'? Otherwise use a policy name such as AmazonEKSViewPolicy (aws eks list-access-policies lists them)",
                "access.many-errors.yaml:19:9: the cluster would have no admin: admins is empty — add 'admins: [{principal: ROLE_ARN_OR_CONFIG_NAME}]' with the principal that keeps cluster-admin access",
                "access.many-errors.yaml:21:9: test principal 'nobody' is neither an IAM user or role in this config nor an IAM ARN — define it under iam.users or iam.roles, or write its ARN, e.g. arn:aws:iam::111122223333:role/nobody",
                "access.many-errors.yaml:22:13: test 'get' does not parse: missing RESOURCE after 'get' — write kubectl auth can-i arguments: VERB TYPE [NAME] [-n NAMESPACE | -A] [--subresource SUB] [--api-group GROUP], or VERB /PATH",
            ]
        },
        {
            "access.missing-required.yaml",
            [
                "access.missing-required.yaml:4:3: missing required key 'region' in cluster — add 'region: …'",
                "access.missing-required.yaml:4:3: missing required key 'accountId' in cluster — add 'accountId: \"111122223333\"' (the 12-digit AWS account ID, quoted)",
                "access.missing-required.yaml:7:7: missing required key 'name' in iam.users[0] — add 'name: …'",
                "access.missing-required.yaml:8:12: 'name' has no value in iam.users[1] — write a value after 'name:'",
                "access.missing-required.yaml:10:5: missing required key 'principal' in admins[0] — add 'principal: …'",
            ]
        },
        {
            "access.mode-mismatch.yaml",
            [
                "access.mode-mismatch.yaml:8:17: accessMethod accessEntries needs access entries, but authenticationMode CONFIG_MAP has none — set authenticationMode: API_AND_CONFIG_MAP (or API), or accessMethod: awsAuth",
            ]
        },
        {
            "access.no-admin.yaml",
            [
                "access.no-admin.yaml:1:1: the cluster would have no admin: admins is empty — add 'admins: [{principal: ROLE_ARN_OR_CONFIG_NAME}]' with the principal that keeps cluster-admin access",
            ]
        },
        {
            "access.quantities.yaml",
            [
                "access.quantities.yaml:10:27: maxSessionDuration 60 is out of range — use 3600 to 43200 seconds (1 to 12 hours)",
                "access.quantities.yaml:16:23: quota 'requests.cpu' value '4 cores' is not a Kubernetes quantity — write a number with an optional suffix, e.g. \"500m\", \"2\", \"8Gi\"",
                "access.quantities.yaml:20:17: unknown LimitRange type 'container' — did you mean 'Container'? (use one of Container, Pod, PersistentVolumeClaim)",
                "access.quantities.yaml:22:21: default 'memory' value '512MB' is not a Kubernetes quantity — write a number with an optional suffix, e.g. \"500m\", \"2\", \"8Gi\"",
            ]
        },
        {
            "access.rbac-rules.yaml",
            [
                "access.rbac-rules.yaml:10:9: the rule has no verbs — add verbs, e.g. verbs: [get, list, watch] (or [\"*\"])",
                "access.rbac-rules.yaml:12:9: a Role cannot grant nonResourceURLs: they are not namespaced — move this rule to a clusterRoles: entry and bind it with the team's clusterRoles",
                "access.rbac-rules.yaml:14:9: the rule has resources but no apiGroups — add apiGroups: [\"\"] for the core group (pods, services, …), or the resources' group such as apps",
                "access.rbac-rules.yaml:19:9: the rule mixes resources and nonResourceURLs — split it into one rule with apiGroups/resources and one with nonResourceURLs",
                "access.rbac-rules.yaml:23:9: the rule names no resources — add apiGroups and resources, or nonResourceURLs",
                "access.rbac-rules.yaml:24:27: nonResourceURL 'healthz' is invalid — start it with '/'; a '*' may only end it, e.g. /healthz or /metrics/*",
                "access.rbac-rules.yaml:24:36: nonResourceURL '/a/*/b' is invalid — start it with '/'; a '*' may only end it, e.g. /healthz or /metrics/*",
                "access.rbac-rules.yaml:26:11: ClusterRole 'view' would replace a Kubernetes built-in ClusterRole — choose another name; bind the built-in one without defining it",
            ]
        },
        {
            "access.reserved-names.yaml",
            [
                "access.reserved-names.yaml:10:17: username 'eks:developer' of IAM role 'Dev' starts with 'eks:', which EKS access entries refuse — choose a username without the system:, eks:, aws:, amazon: or iam: prefix",
                "access.reserved-names.yaml:14:17: username 'ops-{{SessionName}}' of IAM role 'Ops' uses {{SessionName}} with no ':' before it, which EKS access entries refuse — put a ':' before the placeholder, e.g. 'ops-:{{SessionName}}'",
                "access.reserved-names.yaml:19:22: kubernetesGroup 'system:masters' starts with 'system:', which EKS access entries refuse — grant cluster admin with accessPolicies: [{policyArn: AmazonEKSClusterAdminPolicy, accessScope: {type: cluster}}] or list the principal under admins",
            ]
        },
        {
            "access.undefined-references.yaml",
            [
                "access.undefined-references.yaml:10:16: IAM user 'dev-john' joins IAM group 'developers', which is not defined — define it under iam.groups, or fix the name",
                "access.undefined-references.yaml:13:27: IAM group 'devs' lists member 'dev-jane', which is not an IAM user in this config — define it under iam.users (IAM groups hold users only), or fix the name",
                "access.undefined-references.yaml:24:15: team 'dev-team' member 'dev-jon' is neither an IAM user or role in this config nor an IAM ARN — did you mean 'dev-john'? Otherwise define it under iam.users or iam.roles, or write its ARN, e.g. arn:aws:iam::111122223333:role/dev-jon",
                "access.undefined-references.yaml:26:20: team 'dev-team' is granted namespace 'dev-app', which is not defined — did you mean 'dev-apps'? Otherwise define it under namespaces:, or fix the name",
                "access.undefined-references.yaml:27:15: team 'dev-team' is granted role 'developer-rol', which is neither a roles: template, a clusterRoles: entry nor a built-in ClusterRole — did you mean 'developer-role'? Otherwise define it under roles: or clusterRoles:, or use admin, edit or view",
                "access.undefined-references.yaml:30:20: 'developer-role' is a namespaced Role template, not a ClusterRole, so it cannot be bound cluster-wide — grant it per namespace under teams[].namespaces (namespace: …, role: developer-role), or define a ClusterRole",
                "access.undefined-references.yaml:30:36: team 'dev-team' is bound to ClusterRole 'readonly', which is not defined — define it under clusterRoles:, or use a built-in one (cluster-admin, admin, edit, view)",
                "access.undefined-references.yaml:32:16: admin 'PlatformAdmin' is neither an IAM user or role in this config nor an IAM ARN — define it under iam.users or iam.roles, or write its ARN, e.g. arn:aws:iam::111122223333:role/PlatformAdmin",
            ]
        },
        {
            "access.unknown-key-no-suggestion.yaml",
            [
                "access.unknown-key-no-suggestion.yaml:7:1: unknown key 'policies' — the keys allowed here are apiVersion, kind, cluster, iam, namespaces, roles, clusterRoles, teams, admins, tests, automation",
            ]
        },
        {
            "access.unknown-key.yaml",
            [
                "access.unknown-key.yaml:10:7: unknown key 'usrename' — did you mean 'username'?",
            ]
        },
        {
            "access.wrong-types.yaml",
            [
                "access.wrong-types.yaml:10:24: 'createAccessKey' must be true or false, not \"yes\" — write 'createAccessKey: true' or 'createAccessKey: false', without quotes",
                "access.wrong-types.yaml:12:13: 'name' must be a string, not a mapping — write one value after 'name:' (quote it if it contains ': ' or starts with '[' or '{')",
                "access.wrong-types.yaml:13:27: 'maxSessionDuration' must be a whole number, not '1h' — write a number of seconds without quotes, e.g. 'maxSessionDuration: 3600'",
                "access.wrong-types.yaml:18:14: 'members' must be a list, not a string — write 'members: [a, b]' or one '- item' per line under 'members:'",
            ]
        },
        {
            "access.yaml-syntax.yaml",
            [
                "access.yaml-syntax.yaml:5:10: YAML syntax error: While scanning a plain scalar value, found invalid mapping — fix the YAML at this position (check indentation, quotes and brackets)",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParseAndValidate_InputCase_ReportsExactlyTheExpectedLines(string fileName, string[] expected)
    {
        var text = TestFiles.Input("Config", fileName);

        var result = AccessConfigParser.ParseAndValidate(text, fileName);

        result.Diagnostics.Select(d => d.ToString()).ShouldBe(expected);
        result.IsValid.ShouldBe(expected.Length == 0);
    }

    [Fact]
    public void Cases_CoverEveryInputFile()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Inputs", "Config"), "*.yaml").Select(Path.GetFileName);

        Cases().Select(row => row.Data.Item1).ShouldBe(files.Order(StringComparer.Ordinal), ignoreOrder: true);
    }
}
