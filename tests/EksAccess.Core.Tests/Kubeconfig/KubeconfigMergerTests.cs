using EksAccess.Core.Kubeconfig;
using YamlDotNet.RepresentationModel;

namespace EksAccess.Core.Tests.Kubeconfig;

public sealed class KubeconfigMergerTests
{
    private const string ClusterArn = "arn:aws:eks:us-east-1:111122223333:cluster/my-cluster";

    private static KubeconfigEntry Entry(string? alias = "my-cluster-dev", string? userAlias = null, string? @namespace = null, string? roleArn = null, string? profile = null) =>
        KubeconfigEntry.Create(
            ClusterArn,
            "https://ABC.gr7.us-east-1.eks.amazonaws.com",
            "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t",
            KubeconfigExec.ForAwsCli("us-east-1", "my-cluster", roleArn, profile),
            alias,
            userAlias,
            @namespace);

    [Fact]
    public void Create_NewFile_IsAwsUpdateKubeconfigLayout()
    {
        var text = KubeconfigMerger.Create(Entry(roleArn: "arn:aws:iam::111122223333:role/EKSDeveloperRole", @namespace: "dev-apps", profile: "dev"));

        Golden.Verify(text, "Kubeconfig", "NewFile");
    }

    [Fact]
    public void Merge_ExistingFile_KeepsEveryOtherEntryAndUnknownField()
    {
        var existing = TestFiles.Input("Kubeconfig", "existing.yaml");

        var text = KubeconfigMerger.Merge(existing, "existing.yaml", Entry(@namespace: "dev-apps"));

        Golden.Verify(text, "Kubeconfig", "MergedIntoExisting");
        var root = (YamlMappingNode)Load(text);
        Names(root, "clusters").ShouldBe(["kind-dev", ClusterArn]);
        Names(root, "users").ShouldBe(["kind-dev", ClusterArn]);
        Names(root, "contexts").ShouldBe(["kind-dev", "my-cluster-dev"]);
        ((YamlScalarNode)root["current-context"]).Value.ShouldBe("my-cluster-dev");
        ((YamlScalarNode)root["preferences"]["colors"]).Value.ShouldBe("true");
        ((YamlScalarNode)root["extensions"][0]["extension"]["retries"]).Value.ShouldBe("3");
        ((YamlScalarNode)root["clusters"][0]["cluster"]["insecure-skip-tls-verify"]).Style.ShouldBe(YamlDotNet.Core.ScalarStyle.Plain);
        ((YamlScalarNode)root["users"][0]["user"]["client-key-data"]).Value.ShouldBe("S0VZ");
        text.ShouldNotContain("stale");
        text.ShouldNotContain("OLD");
    }

    [Fact]
    public void Merge_Twice_IsIdempotent()
    {
        var existing = TestFiles.Input("Kubeconfig", "existing.yaml");

        var once = KubeconfigMerger.Merge(existing, "existing.yaml", Entry());
        var twice = KubeconfigMerger.Merge(once, "existing.yaml", Entry());

        twice.ShouldBe(once);
    }

    [Fact]
    public void Merge_UserAliasWithoutAlias_NamesTheContextAfterTheUser()
    {
        var text = KubeconfigMerger.Create(Entry(alias: null, userAlias: "dev-john"));

        var root = (YamlMappingNode)Load(text);
        Names(root, "users").ShouldBe(["dev-john"]);
        Names(root, "contexts").ShouldBe(["dev-john"]);
        ((YamlScalarNode)root["contexts"][0]["context"]["user"]).Value.ShouldBe("dev-john");
        ((YamlScalarNode)root["contexts"][0]["context"]["cluster"]).Value.ShouldBe(ClusterArn);
    }

    [Fact]
    public void Merge_ValuesYamlWouldMisread_AreQuoted()
    {
        var text = KubeconfigMerger.Create(Entry(alias: "true", @namespace: "123"));

        var root = (YamlMappingNode)Load(text);
        ((YamlScalarNode)root["current-context"]).Style.ShouldBe(YamlDotNet.Core.ScalarStyle.DoubleQuoted);
        ((YamlScalarNode)root["contexts"][0]["context"]["namespace"]).Style.ShouldBe(YamlDotNet.Core.ScalarStyle.DoubleQuoted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("null\n")]
    public void Merge_EmptyFile_StartsFromTheTemplate(string? existing)
    {
        var text = KubeconfigMerger.Merge(existing, "config", Entry());

        text.ShouldBe(KubeconfigMerger.Create(Entry()));
    }

    [Theory]
    [InlineData("clusters: [\n", "config:")]
    [InlineData("- a\n- b\n", "config:1:1: a kubeconfig is a mapping")]
    [InlineData("clusters: nope\n", "config:1:11: 'clusters' must be a list")]
    [InlineData("users:\n- just-a-string\n", "config:2:3: every entry of 'users' must be a mapping")]
    public void Merge_NotAKubeconfig_ThrowsWithLocation(string existing, string message)
    {
        var exception = Should.Throw<FormatException>(() => KubeconfigMerger.Merge(existing, "config", Entry()));

        exception.Message.ShouldStartWith(message);
    }

    private static YamlNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }

    private static string?[] Names(YamlMappingNode root, string key) =>
        [.. ((YamlSequenceNode)root[key]).Children.Select(c => ((YamlScalarNode)c["name"]).Value)];
}
