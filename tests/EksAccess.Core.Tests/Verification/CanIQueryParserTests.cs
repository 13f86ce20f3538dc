using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Tests.Verification;

public sealed class CanIQueryParserTests
{
    public static TheoryData<string, CanIQuery> Valid() => new()
    {
        { "create pods -n dev-apps", new CanIQuery { Verb = "create", ResourceArg = "pods", Namespace = "dev-apps" } },
        { "delete namespaces dev-apps", new CanIQuery { Verb = "delete", ResourceArg = "namespaces", Name = "dev-apps" } },
        { "get pods/web-0 -n x", new CanIQuery { Verb = "get", ResourceArg = "pods", Name = "web-0", Namespace = "x" } },
        { "get pods web-0 --subresource log -n x", new CanIQuery { Verb = "get", ResourceArg = "pods", Name = "web-0", Namespace = "x", Subresource = "log" } },
        { "get pods --subresource=log -n=x", new CanIQuery { Verb = "get", ResourceArg = "pods", Namespace = "x", Subresource = "log" } },
        { "list pods --namespace x", new CanIQuery { Verb = "list", ResourceArg = "pods", Namespace = "x" } },
        { "list pods --namespace=x", new CanIQuery { Verb = "list", ResourceArg = "pods", Namespace = "x" } },
        { "list pods -nx", new CanIQuery { Verb = "list", ResourceArg = "pods", Namespace = "x" } },
        { "list secrets -A", new CanIQuery { Verb = "list", ResourceArg = "secrets", AllNamespaces = true } },
        { "list secrets --all-namespaces", new CanIQuery { Verb = "list", ResourceArg = "secrets", AllNamespaces = true } },
        { "list secrets --all-namespaces=false", new CanIQuery { Verb = "list", ResourceArg = "secrets" } },
        { "-n dev create deployments.apps", new CanIQuery { Verb = "create", ResourceArg = "deployments.apps", Namespace = "dev" } },
        { "create Deployments.Apps -n dev", new CanIQuery { Verb = "create", ResourceArg = "deployments.apps", Namespace = "dev" } },
        { "patch deployments --api-group apps -n dev", new CanIQuery { Verb = "patch", ResourceArg = "deployments", Namespace = "dev", ApiGroup = "apps" } },
        { "get pods --api-group=''", new CanIQuery { Verb = "get", ResourceArg = "pods", ApiGroup = "" } },
        { "update deployments/web --subresource scale -n dev", new CanIQuery { Verb = "update", ResourceArg = "deployments", Name = "web", Namespace = "dev", Subresource = "scale" } },
        { "* *", new CanIQuery { Verb = "*", ResourceArg = "*" } },
        { "'*' '*' -A", new CanIQuery { Verb = "*", ResourceArg = "*", AllNamespaces = true } },
        { "get /healthz", new CanIQuery { Verb = "get", Path = "/healthz" } },
        { "get /logs/", new CanIQuery { Verb = "get", Path = "/logs/" } },
        { "get /", new CanIQuery { Verb = "get", Path = "/" } },
        { "  get   configmaps   aws-auth   -n   kube-system  ", new CanIQuery { Verb = "get", ResourceArg = "configmaps", Name = "aws-auth", Namespace = "kube-system" } },
        { "impersonate serviceaccounts -n dev", new CanIQuery { Verb = "impersonate", ResourceArg = "serviceaccounts", Namespace = "dev" } },
        { "get pods -- -weird-name", new CanIQuery { Verb = "get", ResourceArg = "pods", Name = "-weird-name" } },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { "", "missing VERB and RESOURCE" },
        { "list", "missing RESOURCE after 'list'" },
        { "get pods a b", "too many arguments (4): expected VERB and RESOURCE, and optionally NAME" },
        { "get pods -n dev -A", "-n/--namespace and -A/--all-namespaces cannot be used together" },
        { "get pods -n", "flag -n needs a value" },
        { "get pods --subresource", "flag --subresource needs a value" },
        { "get pods --namespace=", "flag --namespace has an empty value" },
        { "get pods --as admin", "unknown flag '--as' (allowed: -n/--namespace, -A/--all-namespaces, --subresource, --api-group)" },
        { "get pods -q", "unknown flag '-q' (allowed: -n/--namespace, -A/--all-namespaces, --subresource, --api-group)" },
        { "get pods -A=yes", "flag -A takes no value other than true or false, got 'yes'" },
        { "get /healthz -n dev", "a non-resource URL ('/healthz') has no namespace: drop -n/-A" },
        { "get /healthz -A", "a non-resource URL ('/healthz') has no namespace: drop -n/-A" },
        { "get /healthz x", "a non-resource URL ('/healthz') takes no NAME" },
        { "get /healthz --subresource log", "a non-resource URL ('/healthz') takes no --subresource or --api-group" },
        { "get pods/web-0 web-1", "give the name once: either 'pods/web-0' or a third argument 'web-1', not both" },
        { "get pods/", "'pods/' has no name after '/'" },
        { "get '' -n dev", "the resource is empty" },
        { "'' pods", "the verb is empty" },
        { "get 'pods", "unterminated ' quote" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ValidText_ReturnsTheQuery(string text, CanIQuery expected)
    {
        var parsed = CanIQueryParser.TryParse(text, out var query, out var error);

        error.ShouldBeNull();
        parsed.ShouldBeTrue();
        query.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidText_ReturnsTheError(string text, string expected)
    {
        var parsed = CanIQueryParser.TryParse(text, out var none, out var error);

        parsed.ShouldBeFalse();
        none.ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Fact]
    public void TryParse_SplitArguments_KeepSpacesInsideAnArgument()
    {
        var parsed = CanIQueryParser.TryParse(["get", "configmaps", "my config", "-n", "dev"], out var query, out _);

        parsed.ShouldBeTrue();
        query!.Name.ShouldBe("my config");
    }

    [Theory]
    [InlineData("get pods web-0 --subresource log -n x", "get pods web-0 -n x --subresource log")]
    [InlineData("list secrets --all-namespaces", "list secrets -A")]
    [InlineData("get /healthz", "get /healthz")]
    [InlineData("get pods --api-group=''", "get pods --api-group ''")]
    public void ToString_ParsedQuery_IsCanonicalAndParsesBack(string text, string canonical)
    {
        CanIQueryParser.TryParse(text, out var query, out _).ShouldBeTrue();

        query!.ToString().ShouldBe(canonical);
        CanIQueryParser.TryParse(canonical, out var again, out _).ShouldBeTrue();
        again.ShouldBe(query);
    }
}
