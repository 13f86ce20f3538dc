namespace EksAccess.Core.Tests.Snapshots;

/// <summary>Each broken input gives exactly one clear file:line:column diagnostic.</summary>
public sealed class SnapshotLoaderErrorTests
{
    [Theory]
    [InlineData("binding-without-roleref.yaml", "errors/binding-without-roleref.yaml:4:3: RoleBinding 'x' has no roleRef — every binding needs roleRef.kind and roleRef.name")]
    [InlineData("roleref-kind.yaml", "errors/roleref-kind.yaml:8:9: RoleBinding 'to-group' has roleRef.kind 'Group' — roleRef.kind must be Role or ClusterRole")]
    [InlineData("clusterrolebinding-to-role.yaml", "errors/clusterrolebinding-to-role.yaml:7:9: ClusterRoleBinding 'cluster-dev' refers to Role 'developer-role' — a ClusterRoleBinding can only refer to a ClusterRole; bind a Role with a RoleBinding in its namespace")]
    [InlineData("roleref-without-name.yaml", "errors/roleref-without-name.yaml:7:3: RoleBinding 'half' has no roleRef.name — every binding needs roleRef.kind and roleRef.name")]
    [InlineData("missing-name.yaml", "errors/missing-name.yaml:1:1: Role has no metadata.name — every object needs metadata.name")]
    [InlineData("missing-namespace.yaml", "errors/missing-namespace.yaml:1:1: Role 'developer-role' has no metadata.namespace — a snapshot holds objects as kubectl prints them, with metadata.namespace")]
    [InlineData("rule-without-verbs.yaml", "errors/rule-without-verbs.yaml:6:3: ClusterRole 'no-verbs' has a rule without verbs — every rule needs verbs, for example verbs: [get, list, watch]")]
    [InlineData("no-kind.yaml", "errors/no-kind.yaml:1:1: object has no kind — snapshot files hold Kubernetes objects as kubectl get -o yaml|json prints them (apiVersion, kind, metadata); describe-cluster output belongs in cluster.json and access entries in access-entries.json")]
    [InlineData("syntax.yaml", "errors/syntax.yaml:8:4: YAML syntax error: while parsing a block collection, did not find expected '-' indicator — fix the file; snapshot files are kubectl get -o yaml|json (or aws eks) output")]
    [InlineData("syntax.json", "errors/syntax.json:4:5: JSON syntax error: while parsing a flow mapping, did not find expected ',' or '}' — fix the file; snapshot files are kubectl get -o yaml|json (or aws eks) output")]
    [InlineData("unclosed-flow.yaml", "errors/unclosed-flow.yaml:4:8: YAML syntax error: malformed flow collection (an unclosed '[' or '{'?) — fix the file; snapshot files are kubectl get -o yaml|json (or aws eks) output")]
    [InlineData("crd-scope.yaml", "errors/crd-scope.yaml:10:10: CustomResourceDefinition 'widgets.example.com' has spec.scope 'Global' — spec.scope must be Namespaced or Cluster")]
    public void Load_BrokenObject_GivesOneDiagnostic(string fileName, string expected)
    {
        var result = SnapshotInputs.LoadFile("errors", fileName);

        result.Errors.Select(e => e.ToString()).ShouldBe([expected]);
    }

    [Fact]
    public void Load_WrongValueTypes_NameTheFieldAndPosition()
    {
        var result = SnapshotInputs.LoadFile("errors", "wrong-types.yaml");

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "errors/wrong-types.yaml:9:10: rules[].verbs must be a list, not a string — write it as a list (- item, or [a, b]), as kubectl or the aws CLI prints it",
            "errors/wrong-types.yaml:10:14: rules[].apiGroups must be a list, not a mapping — write it as a list (- item, or [a, b]), as kubectl or the aws CLI prints it",
        ]);
        result.Snapshot.Roles.ShouldBeEmpty();
    }

    [Fact]
    public void Load_SubjectProblems_AreEachReported()
    {
        var result = SnapshotInputs.LoadFile("errors", "subject-problems.yaml");

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "errors/subject-problems.yaml:9:3: ClusterRoleBinding 'odd-subjects' has a subject without kind — every subject needs kind (User, Group or ServiceAccount) and name",
            "errors/subject-problems.yaml:10:3: ClusterRoleBinding 'odd-subjects' has subject kind 'Team' — subject kind must be User, Group or ServiceAccount",
        ]);
    }

    [Fact]
    public void Load_UnknownAuthenticationMode_IsAnError()
    {
        var result = SnapshotInputs.Load("errors-cluster");

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "errors-cluster/cluster.json:6:35: unknown accessConfig.authenticationMode 'CONFIGMAP' — use API, API_AND_CONFIG_MAP or CONFIG_MAP",
        ]);
        result.Snapshot.Cluster.ShouldBeNull();
    }

    [Fact]
    public void Load_BadClusterArn_IsAnError()
    {
        var result = SnapshotInputs.LoadText("snap/cluster.json", """{"cluster": {"name": "c", "arn": "arn:aws:iam::111122223333:role/c"}}""");

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "snap/cluster.json:1:34: cluster.arn 'arn:aws:iam::111122223333:role/c' is not an EKS cluster ARN — expected arn:PARTITION:eks:REGION:ACCOUNT:cluster/NAME, as describe-cluster prints it",
        ]);
    }

    [Theory]
    [InlineData("""{"clusters": ["dev"]}""")]
    [InlineData("""{"cluster": null}""")]
    public void Load_ClusterFileWithoutCluster_IsAnError(string text)
    {
        var result = SnapshotInputs.LoadText("snap/cluster.json", text);

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "snap/cluster.json:1:1: cluster.json has no 'cluster' object — save the output of 'aws eks describe-cluster --name NAME' as cluster.json",
        ]);
    }

    [Fact]
    public void Load_BrokenAccessEntries_ReportsEachItem()
    {
        var result = SnapshotInputs.Load("errors-access-entries");

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "errors-access-entries/access-entries.yaml:2:3: access entry has no principalArn — every access entry needs the principalArn of an IAM user or role",
            "errors-access-entries/access-entries.yaml:8:13: unknown accessScope.type 'Namespace' — accessScope.type is cluster or namespace (lower case, as the EKS API prints it)",
            "errors-access-entries/access-entries.yaml:10:3: accessEntries item is the bare string 'arn:aws:iam::111122223333:role/Bare' — list-access-entries prints only ARNs; save describe-access-entry's accessEntry for each principal instead",
        ]);
        result.Snapshot.AccessEntries.ShouldBeEmpty();
    }

    [Fact]
    public void Load_AccessEntriesWithoutList_IsAnError()
    {
        var result = SnapshotInputs.LoadText("snap/access-entries.json", """{"accessEntry": {"principalArn": "arn:aws:iam::111122223333:role/Dev"}}""");

        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "snap/access-entries.json:1:1: access-entries file has no accessEntries list — write {\"accessEntries\": [ ... ]} with one describe-access-entry accessEntry (plus associatedAccessPolicies) per item",
        ]);
    }

    [Fact]
    public void Load_ClusterOfWrongType_GivesOnlyTheTypeError()
    {
        var result = SnapshotInputs.LoadText("snap/cluster.json", """{"cluster": "dev"}""");

        result.Errors.Select(e => e.ToString()).ShouldBe(["snap/cluster.json:1:13: cluster must be a mapping, not a string — write it as key: value pairs, as kubectl or the aws CLI prints it"]);
    }

    [Fact]
    public void Load_SyntaxErrorInOneFile_StillReadsTheOthers()
    {
        var result = SnapshotInputs.Load("errors");

        result.Errors.Count(e => e.Message.Contains("syntax error", StringComparison.Ordinal)).ShouldBe(3);
        result.HasErrors.ShouldBeTrue();
    }
}
