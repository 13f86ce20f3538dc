namespace EksAccess.Cli.Tests;

public sealed class SnapshotDirectoryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eksaccess-snapshot-" + Guid.NewGuid().ToString("N"));

    public SnapshotDirectoryTests()
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Read_SnapshotFiles_LoadsOnlyYamlAndJsonInNameOrder()
    {
        Write("b.yaml", Role("b"));
        Write("a.yml", Role("a"));
        Write("README.md", "# not a snapshot file: {");
        Write("cluster.json", """{"cluster": {"name": "dev", "arn": "arn:aws:eks:eu-west-1:111122223333:cluster/dev"}}""");

        var result = SnapshotDirectory.Read(_directory);

        result.Snapshot.Roles.Select(r => r.Name).ShouldBe(["a", "b"]);
        result.Snapshot.Roles[0].Source.ShouldBe(Path.Join(_directory, "a.yml") + ":1");
        result.Snapshot.Cluster!.Region.ShouldBe("eu-west-1");
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Read_Duplicates_ReturnsWarnings()
    {
        Write("a.yaml", Role("x"));
        Write("b.yaml", Role("x"));

        var result = SnapshotDirectory.Read(_directory);

        result.Warnings.ShouldHaveSingleItem().Message.ShouldContain("appears more than once");
    }

    [Fact]
    public void Read_MissingDirectory_ThrowsInputException()
    {
        var missing = Path.Combine(_directory, "nope");

        var ex = Should.Throw<InputException>(() => SnapshotDirectory.Read(missing));

        ex.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        ex.Message.ShouldStartWith($"snapshot directory '{missing}' does not exist — ");
    }

    [Fact]
    public void Read_FileErrors_ThrowsTheFirstWithTheCountOfOthers()
    {
        Write("a.yaml", "kind: RoleBinding\nmetadata: {name: x, namespace: dev}\n");
        Write("b.yaml", "kind: Role\nmetadata: {name: y}\n---\nkind: Role\nmetadata: {name: z}\n");

        var ex = Should.Throw<InputException>(() => SnapshotDirectory.Read(_directory));

        ex.Message.ShouldBe($"{Path.Join(_directory, "a.yaml")}:1:1: RoleBinding 'x' has no roleRef — every binding needs roleRef.kind and roleRef.name (and 2 more errors in the snapshot)");
    }

    private static string Role(string name) => $"apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: {name}\n  namespace: dev\nrules: []\n";

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_directory, name), text);
}
