using EksAccess.Core.Identity;
using EksAccess.Core.Snapshots;
using FsCheck.Xunit;
using YamlDotNet.RepresentationModel;
using EksAccess.Testing.Snapshots;

namespace EksAccess.Core.Tests.Snapshots;

public sealed class SnapshotGeneratorTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "eksaccess-generated-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Write_SmallSnapshot_LoadsWithoutDiagnosticsAndExpectedCounts()
    {
        var size = SnapshotSize.Small;
        SnapshotGenerator.Write(_directory, size, seed: 7);
        var files = Directory.GetFiles(_directory).Order(StringComparer.Ordinal).Select(path => new SnapshotFile(path, File.ReadAllText(path)));

        var result = SnapshotLoader.Load(files);

        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldBeEmpty();
        var snapshot = result.Snapshot;
        snapshot.Cluster.ShouldNotBeNull().Name.ShouldBe(SnapshotGenerator.ClusterName);
        snapshot.Cluster.AuthenticationMode.ShouldBe(AuthenticationMode.ApiAndConfigMap);
        snapshot.Namespaces.Length.ShouldBe(size.Namespaces);
        snapshot.Roles.Length.ShouldBe(size.Roles);
        snapshot.RoleBindings.Length.ShouldBe(size.RoleBindings);
        snapshot.ClusterRoles.Length.ShouldBe(size.ClusterRoles);
        snapshot.ClusterRoleBindings.Length.ShouldBe(size.ClusterRoleBindings);
        snapshot.AccessEntries.Length.ShouldBe(size.AccessEntries);
        snapshot.ServiceAccounts.Length.ShouldBe(2 * size.Namespaces);
        snapshot.ResourceQuotas.Length.ShouldBe(size.Namespaces);
        snapshot.LimitRanges.Length.ShouldBe((size.Namespaces + 3) / 4);
        var awsAuth = snapshot.AwsAuth.ShouldNotBeNull();
        var mapped = awsAuth.Data.Values.Sum(v => v.Split('\n').Count(l => l.StartsWith("  rolearn:", StringComparison.Ordinal) || l.StartsWith("  userarn:", StringComparison.Ordinal)));
        mapped.ShouldBe(size.AwsAuthEntries);
        snapshot.ClusterRoles.ShouldContain(r => r.AggregationRule != null);
        snapshot.ClusterRoles.ShouldContain(r => r.Labels.ContainsKey("rbac.authorization.k8s.io/aggregate-to-view"));
        snapshot.AccessEntries.ShouldContain(e => e.AssociatedAccessPolicies.Any(p => p.AccessScope.IsCluster));
        snapshot.AccessEntries.ShouldContain(e => e.AssociatedAccessPolicies.Any(p => !p.AccessScope.IsCluster));
        snapshot.AccessEntries.ShouldContain(e => e.Type == "EC2_LINUX");
        snapshot.RoleBindings.ShouldContain(b => b.Subjects.IsEmpty);
        snapshot.Roles.SelectMany(r => r.Rules).ShouldContain(rule => !rule.ResourceNames.IsEmpty);
        snapshot.Roles.SelectMany(r => r.Rules).ShouldContain(rule => rule.Verbs.Contains("*"));
    }

    [Property(MaxTest = 25)]
    public bool Generate_AnySeed_LoadsCleanlyWithEveryObject(int seed)
    {
        var size = new SnapshotSize(Namespaces: 3, Roles: 7, RoleBindings: 11, ClusterRoles: 10, ClusterRoleBindings: 3, AccessEntries: 5, AwsAuthEntries: 5);

        var result = SnapshotLoader.Load(SnapshotGenerator.Generate(size, seed));

        var snapshot = result.Snapshot;
        return result.Errors.IsEmpty && result.Warnings.IsEmpty
            && snapshot.Roles.Length == size.Roles && snapshot.RoleBindings.Length == size.RoleBindings
            && snapshot.ClusterRoles.Length == size.ClusterRoles && snapshot.ClusterRoleBindings.Length == size.ClusterRoleBindings
            && snapshot.AccessEntries.Length == size.AccessEntries && snapshot.Namespaces.Length == size.Namespaces;
    }

    [Fact]
    public void Generate_SameSeed_IsDeterministicAndValidYaml()
    {
        var first = SnapshotGenerator.Generate(SnapshotSize.Small, seed: 1);
        var second = SnapshotGenerator.Generate(SnapshotSize.Small, seed: 1);
        var other = SnapshotGenerator.Generate(SnapshotSize.Small, seed: 2);

        second.ShouldBe(first);
        other.Select(f => f.Text).ShouldNotBe(first.Select(f => f.Text));
        foreach (var file in first)
        {
            Should.NotThrow(() => new YamlStream().Load(new StringReader(file.Text)), file.Path);
        }
    }
}
