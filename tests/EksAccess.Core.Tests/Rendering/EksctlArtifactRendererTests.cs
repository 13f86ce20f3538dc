using EksAccess.Core.Config;
using EksAccess.Core.Rendering;
using YamlDotNet.RepresentationModel;
using EksAccess.Core.Desired;

namespace EksAccess.Core.Tests.Rendering;

public sealed class EksctlArtifactRendererTests
{
    // eksctl v1alpha5's JSON field names (access_entry.go, identitymapping.go): anything else fails its strict decoding.
    private static readonly string[] EntryFields = ["principalARN", "type", "kubernetesGroups", "kubernetesUsername", "accessPolicies"];
    private static readonly string[] PolicyFields = ["policyARN", "accessScope"];
    private static readonly string[] ScopeFields = ["type", "namespaces"];
    private static readonly string[] MappingFields = ["arn", "username", "groups"];

    [Fact]
    public void Render_Seed000_MatchesGolden()
    {
        Golden.Verify(Render(TestConfigs.Seed000()), "Rendering", "000-developer-access.eksctl");
    }

    [Fact]
    public void Render_Seed000_ParsesWithEksctlFieldNamesAndTheResolvedPrincipals()
    {
        var config = TestConfigs.Seed000();

        var root = Load(Render(config));

        Scalar(root, "apiVersion").ShouldBe("eksctl.io/v1alpha5");
        Scalar(root, "kind").ShouldBe("ClusterConfig");
        Scalar(Map(root, "metadata"), "name").ShouldBe("my-cluster");
        Scalar(Map(root, "metadata"), "region").ShouldBe("us-east-1");
        var access = Map(root, "accessConfig");
        Scalar(access, "authenticationMode").ShouldBe("API_AND_CONFIG_MAP");
        var entries = Seq(access, "accessEntries").Cast<YamlMappingNode>().ToList();
        entries.SelectMany(Keys).ShouldAllBe(k => EntryFields.Contains(k));
        entries.Select(e => Scalar(e, "principalARN")).ShouldBe(DesiredState.Build(config).AccessEntries.Select(e => e.PrincipalArn));
        entries.Select(e => Scalar(e, "type")).ShouldBe(["EC2_LINUX", "STANDARD", "STANDARD", "STANDARD"]);
        var john = entries[1];
        Seq(john, "kubernetesGroups").Cast<YamlScalarNode>().Select(s => s.Value).ShouldBe(["dev-team"]);
        Scalar(john, "kubernetesUsername").ShouldBe("dev-john");
        var policy = (YamlMappingNode)Seq(john, "accessPolicies").Single();
        Keys(policy).ShouldAllBe(k => PolicyFields.Contains(k));
        Scalar(policy, "policyARN").ShouldBe("arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy");
        Keys(Map(policy, "accessScope")).ShouldAllBe(k => ScopeFields.Contains(k));
        Scalar(Map(policy, "accessScope"), "type").ShouldBe("namespace");
        var admin = entries[3];
        Scalar(Map((YamlMappingNode)Seq(admin, "accessPolicies").Single(), "accessScope"), "type").ShouldBe("cluster");
        Keys(Map((YamlMappingNode)Seq(admin, "accessPolicies").Single(), "accessScope")).ShouldBe(["type"]);
    }

    [Fact]
    public void Render_AwsAuth_IdentityMappingsAreTheAwsAuthEntriesWithoutNodeRoles()
    {
        var config = TestConfigs.Seed000();
        var principals = PrincipalResolver.Resolve(config);

        var mappings = Seq(Load(Render(config)), "iamIdentityMappings").Cast<YamlMappingNode>().ToList();

        mappings.SelectMany(Keys).ShouldAllBe(k => MappingFields.Contains(k));
        mappings.Select(m => Scalar(m, "arn")).ShouldBe(
        [
            "arn:aws:iam::111122223333:role/EKSDeveloperRole",
            "arn:aws:iam::111122223333:role/PlatformAdmin",
            "arn:aws:iam::111122223333:user/dev-john",
        ]);
        var admin = principals.Single(p => p.IsAdmin);
        var mapped = mappings.Single(m => string.Equals(Scalar(m, "arn"), admin.AwsAuthArn, StringComparison.Ordinal));
        Scalar(mapped, "username").ShouldBe(admin.AwsAuthUsername);
        Seq(mapped, "groups").Cast<YamlScalarNode>().Select(s => s.Value).ShouldBe(admin.AwsAuthGroups);
    }

    [Fact]
    public void Render_RolePath_MappingArnLosesThePathEntryKeepsIt()
    {
        var config = TestConfigs.Seed000() with
        {
            Iam = TestConfigs.Seed000().Iam with { Roles = [TestConfigs.Seed000().Iam.Roles[0] with { Path = "/teams/dev/" }] },
        };

        var root = Load(Render(config));

        Seq(Map(root, "accessConfig"), "accessEntries").Cast<YamlMappingNode>().Select(e => Scalar(e, "principalARN"))
            .ShouldContain(a => a == "arn:aws:iam::111122223333:role/teams/dev/EKSDeveloperRole");
        Seq(root, "iamIdentityMappings").Cast<YamlMappingNode>().Select(e => Scalar(e, "arn"))
            .ShouldContain(a => a == "arn:aws:iam::111122223333:role/EKSDeveloperRole");
    }

    [Fact]
    public void Render_AccessEntriesOnly_NoIdentityMappings()
    {
        var root = Load(Render(RenderingConfigs.Seed003()));

        root.Children.ContainsKey(new YamlScalarNode("iamIdentityMappings")).ShouldBeFalse();
        Scalar(Map(root, "accessConfig"), "authenticationMode").ShouldBe("API");
    }

    [Fact]
    public void Render_AwsAuthOnly_NoAccessEntries()
    {
        var root = Load(Render(RenderingConfigs.Seed001()));

        Keys(Map(root, "accessConfig")).ShouldBe(["authenticationMode"]);
        Seq(root, "iamIdentityMappings").Count().ShouldBe(2);
    }

    [Fact]
    public void Render_NodeRoleOfATypeEksctlRejects_LeftOutAndNamedInTheHeader()
    {
        var config = TestConfigs.Seed000() with
        {
            Cluster = TestConfigs.Seed000().Cluster with { NodeRoles = [new NodeRoleConfig("arn:aws:iam::111122223333:role/HybridNodes", "HYBRID_LINUX")] },
        };

        var text = Render(config);

        text.ShouldContain("# Left out: arn:aws:iam::111122223333:role/HybridNodes (type HYBRID_LINUX)");
        Seq(Map(Load(text), "accessConfig"), "accessEntries").Cast<YamlMappingNode>().Select(e => Scalar(e, "type")).ShouldNotContain(t => t == "HYBRID_LINUX");
    }

    private static string Render(AccessConfig config) =>
        new EksctlArtifactRenderer().Render(config, DesiredState.Build(config)).ShouldHaveSingleItem().Content;

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.ShouldHaveSingleItem().RootNode;
    }

    private static IEnumerable<string> Keys(YamlMappingNode node) => node.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!);

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static YamlSequenceNode Seq(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
