using System.Collections.Immutable;
using System.Text;
using EksAccess.Core.Config;
using EksAccess.Core.Rendering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YamlDotNet.RepresentationModel;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Rendering;

public sealed class KubernetesManifestRendererTests
{
    [Fact]
    public void Render_Seed000_MatchesGolden()
    {
        var files = KubernetesManifestRenderer.Render(DesiredState.Build(TestConfigs.Seed000()));

        Golden.Verify(Concatenate(files), "Rendering", "000-developer-access.k8s");
    }

    [Fact]
    public void Render_Seed000_OneFilePerObjectInApplyOrder()
    {
        var files = KubernetesManifestRenderer.Render(DesiredState.Build(TestConfigs.Seed000()));

        files.Select(f => f.RelativePath).ShouldBe(
        [
            "k8s/00-namespace-dev-apps.yaml",
            "k8s/01-resourcequota-dev-apps-dev-apps-quota.yaml",
            "k8s/03-clusterrole-developer-cluster-readonly.yaml",
            "k8s/04-role-dev-apps-developer-role.yaml",
            "k8s/05-rolebinding-dev-apps-dev-team-developer-role.yaml",
            "k8s/06-clusterrolebinding-dev-team-developer-cluster-readonly.yaml",
            "k8s/07-configmap-kube-system-aws-auth.yaml",
        ]);
        files.ShouldAllBe(f => f.Content.Contains("app.kubernetes.io/managed-by: eksaccess\n"));
    }

    [Fact]
    public void ToStream_Files_DocumentsSeparatedByMarker()
    {
        var stream = KubernetesManifestRenderer.ToStream([new RenderedFile("a", "a: 1\n"), new RenderedFile("b", "b: 2\n")]);

        stream.ShouldBe("a: 1\n---\nb: 2\n");
    }

    [Property(MaxTest = 200)]
    public Property Render_AnyNamesLabelsAndUsernames_EveryFileLoadsWithItsObjectNameAndAwsAuthRoundTrips()
    {
        var strings = YamlEmitterTests.YamlishStrings.Generator;
        var inputs = strings.ArrayOf(5).ToArbitrary();
        return Prop.ForAll(inputs, values =>
        {
            var (ns, label, group, username, quantity) = (values[0], values[1], values[2], values[3], values[4]);
            var config = TestConfigs.Seed000() with
            {
                Iam = new IamConfig { Users = [new IamUserConfig { Name = "dev-john", Username = username }] },
                Namespaces =
                [
                    new NamespaceConfig
                    {
                        Name = ns,
                        Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("team", label)]),
                        Quota = new ResourceQuotaConfig(null, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("pods", quantity)])),
                    },
                ],
                Teams = [TestConfigs.Seed000().Teams[0] with { KubernetesGroup = group, Members = ["dev-john"] }],
            };
            var desired = DesiredState.Build(config);

            foreach (var file in KubernetesManifestRenderer.Render(desired))
            {
                var root = YamlEmitterTests.Load(file.Content);
                var metadata = (YamlMappingNode)root["metadata"];
                metadata["labels"].ShouldBeOfType<YamlMappingNode>()["app.kubernetes.io/managed-by"].ToString().ShouldBe("eksaccess");
                ((YamlScalarNode)metadata["name"]).Value.ShouldNotBeNull();
                if (file.RelativePath.StartsWith("k8s/00-", StringComparison.Ordinal))
                {
                    ((YamlScalarNode)metadata["name"]).Value.ShouldBe(ns);
                    ((YamlScalarNode)((YamlMappingNode)metadata["labels"])["team"]).Value.ShouldBe(label);
                }

                if (file.RelativePath.StartsWith("k8s/01-", StringComparison.Ordinal))
                {
                    ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)root["spec"])["hard"])["pods"]).Value.ShouldBe(quantity);
                }

                if (file.RelativePath.EndsWith("aws-auth.yaml", StringComparison.Ordinal))
                {
                    var mapUsers = ((YamlScalarNode)((YamlMappingNode)root["data"])["mapUsers"]).Value!;
                    var stream = new YamlStream();
                    stream.Load(new StringReader(mapUsers));
                    var entry = (YamlMappingNode)((YamlSequenceNode)stream.Documents[0].RootNode).Children[0];
                    ((YamlScalarNode)entry["username"]).Value.ShouldBe(username.Length == 0 ? "dev-john" : username);
                    ((YamlScalarNode)((YamlSequenceNode)entry["groups"]).Children[0]).Value.ShouldBe(group);
                }
            }
        });
    }

    internal static string Concatenate(IEnumerable<RenderedFile> files)
    {
        var builder = new StringBuilder();
        foreach (var file in files)
        {
            builder.Append("# ==> ").Append(file.RelativePath).Append(" <==\n").Append(file.Content);
        }

        return builder.ToString();
    }
}
