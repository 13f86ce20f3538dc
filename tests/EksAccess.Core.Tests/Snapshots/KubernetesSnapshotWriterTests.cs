using System.Text.Json;
using EksAccess.Core.Planning;
using EksAccess.Core.Snapshots;
using FsCheck.Xunit;
using EksAccess.Core.Desired;
using EksAccess.Core.Rendering;
using EksAccess.Testing.Snapshots;

namespace EksAccess.Core.Tests.Snapshots;

public sealed class KubernetesSnapshotWriterTests
{
    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = true };

    [Property(MaxTest = 20)]
    public bool Write_GeneratedSnapshot_LoadsBackIdentically(int seed)
    {
        var size = new SnapshotSize(Namespaces: 3, Roles: 7, RoleBindings: 11, ClusterRoles: 10, ClusterRoleBindings: 3, AccessEntries: 5, AwsAuthEntries: 5);
        var original = SnapshotLoader.Load(SnapshotGenerator.Generate(size, seed)).Snapshot;

        var files = KubernetesSnapshotWriter.Write(original);
        var reloaded = SnapshotLoader.Load(files);

        reloaded.Errors.ShouldBeEmpty();
        reloaded.Warnings.ShouldBeEmpty();
        return string.Equals(Describe(original), Describe(reloaded.Snapshot), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DesiredStateWithLabelsAndAwsAuthAnnotation_LoadsBackIdentically()
    {
        var desired = DesiredState.Build(TestConfigs.Seed000());
        var edited = desired with { AwsAuth = AwsAuthMerge.Merge(null, desired.AwsAuth, new ClusterSnapshot()).After };

        var reloaded = SnapshotLoader.Load(KubernetesSnapshotWriter.Write(edited));

        reloaded.Errors.ShouldBeEmpty();
        Describe(reloaded.Snapshot).ShouldBe(Describe(edited));
        reloaded.Snapshot.AwsAuth!.Annotations.ShouldContainKey(AwsAuthMerge.OwnedMappingsAnnotation);
    }

    [Fact]
    public void Write_Lists_AreKubectlShaped()
    {
        var files = KubernetesSnapshotWriter.Write(DesiredState.Build(TestConfigs.Seed000()));

        files.Select(f => f.Path).ShouldBe([
            "namespaces.yaml", "resourcequotas.yaml", "clusterroles.yaml", "roles.yaml", "rolebindings.yaml", "clusterrolebindings.yaml", "aws-auth.yaml",
        ]);
        files[0].Text.ShouldBe("""
            apiVersion: v1
            items:
            - apiVersion: v1
              kind: Namespace
              metadata:
                labels:
                  app.kubernetes.io/managed-by: eksaccess
                name: dev-apps
            kind: List
            metadata:
              resourceVersion: ""

            """.ReplaceLineEndings("\n"));
    }

    /// <summary>Every Kubernetes-side record as JSON, sources and file positions left out.</summary>
    private static string Describe(ClusterSnapshot snapshot)
    {
        var view = new
        {
            Namespaces = snapshot.Namespaces.Select(n => new { n.Name, Labels = Sorted(n.Labels) }),
            Quotas = snapshot.ResourceQuotas.Select(q => new { q.Namespace, q.Name, q.Hard, Labels = Sorted(q.Labels) }),
            Limits = snapshot.LimitRanges.Select(l => new { l.Namespace, l.Name, l.Limits, Labels = Sorted(l.Labels) }),
            ServiceAccounts = snapshot.ServiceAccounts.Select(s => new { s.Namespace, s.Name, Labels = Sorted(s.Labels) }),
            ClusterRoles = snapshot.ClusterRoles.Select(r => new
            {
                r.Name,
                r.Rules,
                Labels = Sorted(r.Labels),
                Aggregation = r.AggregationRule?.ClusterRoleSelectors.Select(s => new { MatchLabels = Sorted(s.MatchLabels), s.MatchExpressions }),
            }),
            Roles = snapshot.Roles.Select(r => new { r.Namespace, r.Name, r.Rules, Labels = Sorted(r.Labels) }),
            RoleBindings = snapshot.RoleBindings.Select(b => new { b.Namespace, b.Name, b.RoleRef, b.Subjects, Labels = Sorted(b.Labels) }),
            ClusterRoleBindings = snapshot.ClusterRoleBindings.Select(b => new { b.Name, b.RoleRef, b.Subjects, Labels = Sorted(b.Labels) }),
            Crds = snapshot.CustomResourceDefinitions,
            AwsAuth = snapshot.AwsAuth is { } cm ? new { cm.Namespace, cm.Name, Data = Sorted(cm.Data), Labels = Sorted(cm.Labels), Annotations = Sorted(cm.Annotations) } : null,
        };
        return JsonSerializer.Serialize(view, Canonical);
    }

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string>? map) =>
        new(map?.ToDictionary(StringComparer.Ordinal) ?? [], StringComparer.Ordinal);
}
