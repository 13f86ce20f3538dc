using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Tests.Evaluation;

public sealed class RequestBuilderTests
{
    private static CanIQuery Query(string text)
    {
        CanIQueryParser.TryParse(text, out var query, out var error).ShouldBeTrue(error);
        return query!;
    }

    [Fact]
    public void Build_ClusterScopedTypeWithNamespace_ReviewKeepsNamespaceAndWarns()
    {
        var built = RequestBuilder.Build(Query("list nodes -n dev"), ResourceCatalog.Default, RequestMode.SubjectAccessReview);

        built.Request.Namespace.ShouldBe("dev");
        built.Warnings.ShouldBe(["resource 'nodes' is not namespace scoped"]);
    }

    [Fact]
    public void Build_ClusterScopedTypeWithNamespace_RealRequestDropsNamespace()
    {
        var built = RequestBuilder.Build(Query("list nodes -n dev"), ResourceCatalog.Default, RequestMode.RealRequest);

        built.Request.Namespace.ShouldBe("");
        built.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Build_NamespaceObjectRealRequest_LivesInItself()
    {
        var built = RequestBuilder.Build(Query("delete namespaces dev"), ResourceCatalog.Default, RequestMode.RealRequest);

        built.Request.ShouldBe(AccessRequest.ForResource("delete", "", "namespaces", "", "dev", "dev"));
    }

    [Fact]
    public void Build_NamespaceObjectReview_IsClusterScoped()
    {
        var built = RequestBuilder.Build(Query("delete namespaces dev"), ResourceCatalog.Default, RequestMode.SubjectAccessReview);

        built.Request.Namespace.ShouldBe("");
    }

    [Fact]
    public void Build_ShortNameAndGroup_ResolveThroughTheCatalog()
    {
        var built = RequestBuilder.Build(Query("create deploy -n dev"), ResourceCatalog.Default, RequestMode.SubjectAccessReview);

        built.Request.ShouldBe(AccessRequest.ForResource("create", "apps", "deployments", "", "", "dev"));
    }

    [Fact]
    public void Build_UnknownType_WarnsAndSendsItAsTyped()
    {
        var built = RequestBuilder.Build(Query("get widgets -n dev"), ResourceCatalog.Default, RequestMode.SubjectAccessReview);

        built.Request.Resource.ShouldBe("widgets");
        built.Warnings.ShouldBe(["the server doesn't have a resource type 'widgets'"]);
    }

    [Fact]
    public void Build_Path_IsNonResourceRequest()
    {
        var built = RequestBuilder.Build(Query("get /healthz"), ResourceCatalog.Default, RequestMode.RealRequest);

        built.Request.ShouldBe(AccessRequest.ForPath("get", "/healthz"));
    }
}
