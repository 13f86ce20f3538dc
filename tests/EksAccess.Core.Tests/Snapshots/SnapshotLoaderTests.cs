using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Tests.Snapshots;

public sealed class SnapshotLoaderTests
{
    private static readonly string[] WriteVerbs = ["get", "list", "watch", "create", "update", "patch", "delete"];

    [Fact]
    public void Load_KubectlYamlListWithManagedFields_ReadsRolesAndBindings()
    {
        var result = SnapshotInputs.Load("kubectl-yaml");

        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldBeEmpty();
        var snapshot = result.Snapshot;
        snapshot.Roles.Select(r => r.Name).ShouldBe(["developer-role", "config-reader"]);
        var developer = snapshot.Roles[0];
        developer.Namespace.ShouldBe("dev-apps");
        developer.Source.ShouldBe("kubectl-yaml/rbac.yaml:3");
        developer.Rules.Length.ShouldBe(5);
        developer.Rules[0].ApiGroups.ShouldBe([""]);
        developer.Rules[0].Resources.ShouldBe(["pods", "pods/log", "pods/exec", "services", "configmaps", "secrets", "persistentvolumeclaims"]);
        developer.Rules[0].Verbs.ShouldBe(WriteVerbs);
        developer.Rules[0].ResourceNames.IsDefault.ShouldBeFalse();
        developer.Rules[0].ResourceNames.ShouldBeEmpty();
        developer.Rules[0].NonResourceUrls.ShouldBeEmpty();
        developer.Rules[4].Resources.ShouldBe(["events"]);
        snapshot.Roles[1].Rules.ShouldHaveSingleItem().ResourceNames.ShouldBe(["app-config"]);

        snapshot.RoleBindings.Select(b => b.Name).ShouldBe(["developer-rolebinding", "ci-view", "orphan"]);
        var binding = snapshot.RoleBindings[0];
        binding.RoleRef.ShouldBe(new RoleRef("Role", "developer-role"));
        binding.Subjects.ShouldBe([new Subject("Group", "dev-team")]);
        snapshot.RoleBindings[1].RoleRef.ShouldBe(new RoleRef("ClusterRole", "view"));
        snapshot.RoleBindings[1].Subjects.ShouldBe([new Subject("ServiceAccount", "builder", "ci"), new Subject("ServiceAccount", "deployer"), new Subject("User", "dev-john")]);
        snapshot.RoleBindings[2].Subjects.IsDefault.ShouldBeFalse();
        snapshot.RoleBindings[2].Subjects.ShouldBeEmpty();
    }

    [Fact]
    public void Load_KubectlJsonList_ReadsTheSameAsYaml()
    {
        var yaml = SnapshotInputs.Load("kubectl-yaml").Snapshot;

        var result = SnapshotInputs.Load("kubectl-json");

        result.Errors.ShouldBeEmpty();
        var json = result.Snapshot;
        json.Roles.Length.ShouldBe(yaml.Roles.Length);
        for (var i = 0; i < yaml.Roles.Length; i++)
        {
            Describe(json.Roles[i]).ShouldBe(Describe(yaml.Roles[i]));
        }

        json.RoleBindings.Select(Describe).ShouldBe(yaml.RoleBindings.Select(Describe));
        json.Roles[0].Source.ShouldBe("kubectl-json/rbac.json:4");
    }

    [Fact]
    public void Load_MultiDocumentYaml_ReadsEveryKnownKindAndIgnoresOthers()
    {
        var result = SnapshotInputs.Load("multi-doc");

        result.Errors.ShouldBeEmpty();
        var snapshot = result.Snapshot;
        snapshot.ClusterRoles.Select(r => r.Name).ShouldBe(["monitoring", "developer-cluster-readonly"]);
        var monitoring = snapshot.ClusterRoles[0];
        monitoring.Rules.IsDefault.ShouldBeFalse();
        monitoring.Rules.ShouldBeEmpty();
        monitoring.Labels.ShouldBe(ImmutableDictionary<string, string>.Empty.Add("rbac.authorization.k8s.io/aggregate-to-view", "true"));
        var selectors = monitoring.AggregationRule.ShouldNotBeNull().ClusterRoleSelectors;
        selectors.Length.ShouldBe(2);
        selectors[0].MatchLabels["rbac.example.com/aggregate-to-monitoring"].ShouldBe("true");
        selectors[0].MatchExpressions.ShouldBeEmpty();
        selectors[1].MatchLabels.ShouldBeEmpty();
        selectors[1].MatchExpressions.Select(e => $"{e.Key} {e.Operator} {string.Join(",", e.Values)}").ShouldBe(["team In platform,sre", "deprecated DoesNotExist "]);
        var readonlyRole = snapshot.ClusterRoles[1];
        readonlyRole.AggregationRule.ShouldBeNull();
        readonlyRole.Labels.ShouldBeEmpty();
        readonlyRole.Rules[2].NonResourceUrls.ShouldBe(["/healthz", "/version"]);
        readonlyRole.Rules[2].ApiGroups.ShouldBeEmpty();

        snapshot.ClusterRoleBindings.Select(b => b.Name).ShouldBe(["developer-cluster-readonly-binding", "no-subjects"]);
        snapshot.ClusterRoleBindings[0].Subjects.ShouldBe([new Subject("Group", "dev-team")]);
        snapshot.ClusterRoleBindings[1].Subjects.ShouldBeEmpty();
        snapshot.ClusterRoleBindings[1].Source.ShouldBe("multi-doc/cluster-objects.yaml:53");

        var ns = snapshot.Namespaces.ShouldHaveSingleItem();
        ns.Name.ShouldBe("dev-apps");
        ns.Labels["team"].ShouldBe("dev");
        var quota = snapshot.ResourceQuotas.ShouldHaveSingleItem();
        quota.Hard.Keys.ShouldBe(["limits.cpu", "limits.memory", "pods", "requests.cpu", "requests.memory"]);
        quota.Hard["pods"].ShouldBe("20");
        quota.Hard["requests.memory"].ShouldBe("8Gi");
        var limit = snapshot.LimitRanges.ShouldHaveSingleItem().Limits.ShouldHaveSingleItem();
        limit.Type.ShouldBe("Container");
        limit.Default["memory"].ShouldBe("512Mi");
        limit.DefaultRequest["cpu"].ShouldBe("250m");
        limit.Max["cpu"].ShouldBe("2");
        limit.Min.ShouldBeEmpty();
        snapshot.ServiceAccounts.ShouldBe([new ServiceAccountObject("dev-apps", "deployer")]);
        snapshot.AwsAuth.ShouldBeNull();
        snapshot.Roles.ShouldBeEmpty();
    }

    [Fact]
    public void Load_JsonEscapesAndTrailingComma_AreDecoded()
    {
        var result = SnapshotInputs.Load("json-escapes");

        result.Errors.ShouldBeEmpty();
        var role = result.Snapshot.Roles.ShouldHaveSingleItem();
        role.Name.ShouldBe("café-\U0001F600");
        role.Rules[0].Resources.ShouldBe(["pods/log", "pods/exec"]);
        role.Rules[1].Resources.ShouldBe(["deployments"]);
    }

    [Fact]
    public void Load_TypedAndNestedLists_TakeTheItemKindFromTheList()
    {
        var result = SnapshotInputs.Load("typed-list");

        result.Errors.ShouldBeEmpty();
        var role = result.Snapshot.Roles.ShouldHaveSingleItem();
        role.Name.ShouldBe("reader");
        role.Source.ShouldBe("typed-list/nested.yaml:5");
        var binding = result.Snapshot.RoleBindings.ShouldHaveSingleItem();
        binding.RoleRef.ShouldBe(new RoleRef("Role", "developer-role"));
        binding.Subjects.ShouldBe([new Subject("Group", "dev-team")]);
    }

    [Fact]
    public void Load_CustomResourceDefinitions_ReadsNamesAndScope()
    {
        var result = SnapshotInputs.Load("crd");

        result.Errors.ShouldBeEmpty();
        var crds = result.Snapshot.CustomResourceDefinitions;
        crds.Length.ShouldBe(2);
        crds[0].ShouldBe(crds[0] with { Group = "stable.example.com", Plural = "crontabs", Singular = "crontab", Kind = "CronTab", Namespaced = true });
        crds[0].ShortNames.ShouldBe(["ct"]);
        crds[1].Group.ShouldBe("cert-manager.io");
        crds[1].Singular.ShouldBe("clusterissuer");
        crds[1].ShortNames.ShouldBeEmpty();
        crds[1].Namespaced.ShouldBeFalse();
    }

    [Fact]
    public void Load_DuplicateObjects_WarnsAndKeepsTheLast()
    {
        var result = SnapshotInputs.Load("duplicates");

        result.Errors.ShouldBeEmpty();
        result.Warnings.Select(w => w.ToString()).ShouldBe(
        [
            "duplicates/b.yaml:1:1: Role 'developer-role' in namespace 'dev-apps' appears more than once (also at duplicates/a.yaml:1) — the last one wins; remove the other copy",
        ]);
        result.Snapshot.Roles.Length.ShouldBe(2);
        result.Snapshot.Roles[0].Rules[0].Verbs.ShouldBe(["get", "list"]);
        result.Snapshot.Roles[0].Source.ShouldBe("duplicates/b.yaml:1");
        result.Snapshot.Roles[1].Namespace.ShouldBe("other");
    }

    [Fact]
    public void Load_UnknownKindsAndOtherConfigMaps_AreIgnoredWithoutDiagnostics()
    {
        const string Text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec: {containers: [{name: c, image: busybox}]}
            rules: not-a-list
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: other, namespace: kube-system}
            data: {key: {nested: value}}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            """;

        var result = SnapshotInputs.LoadText("snap/misc.yaml", Text);

        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldBeEmpty();
        result.Snapshot.AwsAuth.ShouldBeNull();
    }

    [Fact]
    public void Load_SharedValues_AreTheSameInstances()
    {
        var result = SnapshotInputs.Load("kubectl-yaml");

        var rules = result.Snapshot.Roles[0].Rules;
        rules[0].Verbs.ShouldBe(rules[1].Verbs);
        ReferenceEquals(ImmutableArrayArray(rules[0].Verbs), ImmutableArrayArray(rules[1].Verbs)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n---\n")]
    [InlineData("null\n")]
    public void Load_EmptyDocuments_AreFine(string text)
    {
        var result = SnapshotInputs.LoadText("snap/empty.yaml", text);

        result.Errors.ShouldBeEmpty();
        result.Snapshot.Roles.ShouldBeEmpty();
    }

    [Fact]
    public void Load_ByteOrderMarkAndCrLf_AreFine()
    {
        const string Text = "\uFEFFapiVersion: rbac.authorization.k8s.io/v1\r\nkind: Role\r\nmetadata:\r\n  name: r\r\n  namespace: n\r\nrules:\r\n- apiGroups: ['']\r\n  resources: [pods]\r\n  verbs: [get]\r\n";

        var result = SnapshotInputs.LoadText("snap/crlf.yaml", Text);

        result.Errors.ShouldBeEmpty();
        result.Snapshot.Roles.ShouldHaveSingleItem().Rules.ShouldHaveSingleItem().Verbs.ShouldBe(["get"]);
    }

    [Fact]
    public void Load_TopLevelList_IsAnError()
    {
        var result = SnapshotInputs.LoadText("snap/items.json", "[{\"kind\": \"Role\"}]");

        result.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("snap/items.json:1:1: expected a Kubernetes object, found a list — ");
    }

    private static string[] ImmutableArrayArray(ImmutableArray<string> array) => System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(array)!;

    private static string Describe(Role role) =>
        $"{role.Namespace}/{role.Name}: " + string.Join(" | ", role.Rules.Select(Describe));

    private static string Describe(PolicyRule rule) =>
        $"{string.Join(",", rule.ApiGroups)};{string.Join(",", rule.Resources)};{string.Join(",", rule.Verbs)};{string.Join(",", rule.ResourceNames)};{string.Join(",", rule.NonResourceUrls)}";

    private static string Describe(RoleBinding binding) =>
        $"{binding.Namespace}/{binding.Name} -> {binding.RoleRef.Kind}/{binding.RoleRef.Name}: " + string.Join(",", binding.Subjects.Select(s => $"{s.Kind}:{s.Namespace}:{s.Name}"));
}
