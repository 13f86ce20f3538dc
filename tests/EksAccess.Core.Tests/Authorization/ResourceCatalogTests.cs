using EksAccess.Core.Authorization;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Tests.Authorization;

/// <summary>kubectl auth can-i TYPE resolution (docs/reference/rbac-semantics.md §8, cani.go resourceFor).</summary>
public sealed class ResourceCatalogTests
{
    private static ResolvedResource Resolve(string typeArg, string? group = null)
    {
        ResourceCatalog.Default.TryResolve(typeArg, group, out var resolved);
        return resolved;
    }

    [Theory]
    [InlineData("pods", "pods", "")]
    [InlineData("po", "pods", "")]
    [InlineData("pod", "pods", "")]
    [InlineData("Pod", "pods", "")]
    [InlineData("PODS", "pods", "")]
    [InlineData("svc", "services", "")]
    [InlineData("deploy", "deployments", "apps")]
    [InlineData("Deployment", "deployments", "apps")]
    [InlineData("deployments.apps", "deployments", "apps")]
    [InlineData("deployments.v1.apps", "deployments", "apps")]
    [InlineData("deploy.apps", "deployments", "apps")]
    [InlineData("rs", "replicasets", "apps")]
    [InlineData("sts", "statefulsets", "apps")]
    [InlineData("ds", "daemonsets", "apps")]
    [InlineData("cj", "cronjobs", "batch")]
    [InlineData("jobs.batch", "jobs", "batch")]
    [InlineData("ing", "ingresses", "networking.k8s.io")]
    [InlineData("netpol", "networkpolicies", "networking.k8s.io")]
    [InlineData("NetworkPolicy", "networkpolicies", "networking.k8s.io")]
    [InlineData("cm", "configmaps", "")]
    [InlineData("sa", "serviceaccounts", "")]
    [InlineData("ns", "namespaces", "")]
    [InlineData("no", "nodes", "")]
    [InlineData("pv", "persistentvolumes", "")]
    [InlineData("pvc", "persistentvolumeclaims", "")]
    [InlineData("ev", "events", "")]
    [InlineData("events", "events", "")]
    [InlineData("events.events.k8s.io", "events", "events.k8s.io")]
    [InlineData("ep", "endpoints", "")]
    [InlineData("endpointslices", "endpointslices", "discovery.k8s.io")]
    [InlineData("rolebindings", "rolebindings", "rbac.authorization.k8s.io")]
    [InlineData("clusterrole", "clusterroles", "rbac.authorization.k8s.io")]
    [InlineData("sc", "storageclasses", "storage.k8s.io")]
    [InlineData("storageclass.storage", "storageclasses", "storage.k8s.io")]
    [InlineData("crd", "customresourcedefinitions", "apiextensions.k8s.io")]
    [InlineData("crds", "customresourcedefinitions", "apiextensions.k8s.io")]
    [InlineData("hpa", "horizontalpodautoscalers", "autoscaling")]
    [InlineData("horizontalpodautoscalers.v1.autoscaling", "horizontalpodautoscalers", "autoscaling")]
    [InlineData("hpa.autoscal", "horizontalpodautoscalers", "autoscaling")]
    [InlineData("pdb", "poddisruptionbudgets", "policy")]
    [InlineData("leases", "leases", "coordination.k8s.io")]
    [InlineData("limits", "limitranges", "")]
    [InlineData("quota", "resourcequotas", "")]
    [InlineData("rc", "replicationcontrollers", "")]
    [InlineData("pc", "priorityclasses", "scheduling.k8s.io")]
    [InlineData("csr", "certificatesigningrequests", "certificates.k8s.io")]
    [InlineData("selfsubjectaccessreviews", "selfsubjectaccessreviews", "authorization.k8s.io")]
    [InlineData("subjectaccessreviews", "subjectaccessreviews", "authorization.k8s.io")]
    [InlineData("localsubjectaccessreviews", "localsubjectaccessreviews", "authorization.k8s.io")]
    [InlineData("tokenreviews", "tokenreviews", "authentication.k8s.io")]
    [InlineData("ingressclasses", "ingressclasses", "networking.k8s.io")]
    [InlineData("runtimeclasses", "runtimeclasses", "node.k8s.io")]
    [InlineData("csidrivers", "csidrivers", "storage.k8s.io")]
    [InlineData("csinodes", "csinodes", "storage.k8s.io")]
    [InlineData("volumeattachments", "volumeattachments", "storage.k8s.io")]
    [InlineData("mutatingwebhookconfigurations", "mutatingwebhookconfigurations", "admissionregistration.k8s.io")]
    [InlineData("validatingwebhookconfigurations", "validatingwebhookconfigurations", "admissionregistration.k8s.io")]
    [InlineData("apiservices", "apiservices", "apiregistration.k8s.io")]
    [InlineData("podtemplates", "podtemplates", "")]
    [InlineData("cs", "componentstatuses", "")]
    [InlineData("resourceclaims", "resourceclaims", "resource.k8s.io")]
    [InlineData("resourceclaimtemplates", "resourceclaimtemplates", "resource.k8s.io")]
    [InlineData("deviceclasses", "deviceclasses", "resource.k8s.io")]
    [InlineData("resourceslices", "resourceslices", "resource.k8s.io")]
    [InlineData("pods.metrics.k8s.io", "pods", "metrics.k8s.io")]
    [InlineData("nodes.metrics.k8s.io", "nodes", "metrics.k8s.io")]
    public void TryResolve_KnownType_PluralAndGroup(string typeArg, string resource, string group)
    {
        ResourceCatalog.Default.TryResolve(typeArg, null, out var resolved).ShouldBeTrue();

        resolved.Resource.ShouldBe(resource);
        resolved.Group.ShouldBe(group);
        resolved.Known.ShouldBeTrue();
        resolved.Warning.ShouldBeNull();
    }

    [Fact]
    public void TryResolve_Star_ResourceStarCoreGroup()
    {
        var resolved = Resolve("*");

        resolved.Resource.ShouldBe("*");
        resolved.Group.ShouldBe("");
    }

    [Fact]
    public void TryResolve_StarDotGroup_IsEveryResourceOfThatGroup()
    {
        ResourceCatalog.Default.TryResolve("*.apps", null, out var resolved).ShouldBeTrue();

        resolved.Resource.ShouldBe("*");
        resolved.Group.ShouldBe("apps");
        resolved.Warning.ShouldBeNull();
    }

    [Fact]
    public void TryResolve_Unknown_AsTypedWithWarning()
    {
        ResourceCatalog.Default.TryResolve("Widgets", null, out var resolved).ShouldBeFalse();

        resolved.Resource.ShouldBe("Widgets");
        resolved.Group.ShouldBe("");
        resolved.Known.ShouldBeFalse();
        resolved.Warning.ShouldBe("the server doesn't have a resource type 'widgets'");
    }

    [Theory]
    [InlineData("users")]
    [InlineData("groups")]
    public void TryResolve_ImpersonationResources_NoWarning(string typeArg)
    {
        ResourceCatalog.Default.TryResolve(typeArg, null, out var resolved).ShouldBeFalse();

        resolved.Resource.ShouldBe(typeArg);
        resolved.Group.ShouldBe("");
        resolved.Warning.ShouldBeNull();
    }

    [Fact]
    public void TryResolve_ExplicitGroup_TakesTheWholeArgumentAsResource()
    {
        Resolve("pods", "metrics.k8s.io").Group.ShouldBe("metrics.k8s.io");
        Resolve("deploy", "apps").Resource.ShouldBe("deployments");

        ResourceCatalog.Default.TryResolve("widgets", "example.com", out var unknown).ShouldBeFalse();
        unknown.Resource.ShouldBe("widgets");
        unknown.Group.ShouldBe("example.com");
    }

    [Fact]
    public void TryResolve_KnownType_CarriesKindAndScope()
    {
        var nodes = Resolve("no");

        nodes.Kind.ShouldBe("Node");
        nodes.Namespaced.ShouldBe(false);
        Resolve("po").Namespaced.ShouldBe(true);
    }

    [Fact]
    public void WithCustomResources_ResolvesPluralSingularShortAndKind()
    {
        var catalog = ResourceCatalog.Default.WithCustomResources(
            [new CustomResourceDefinitionObject("cert-manager.io", "certificates", "certificate", "Certificate", ["cert", "certs"], Namespaced: true)]);

        foreach (var typeArg in new[] { "certificates", "certificate", "Certificate", "cert", "certs.cert-manager.io", "certificates.v1.cert-manager.io" })
        {
            catalog.TryResolve(typeArg, null, out var resolved).ShouldBeTrue(typeArg);
            resolved.Resource.ShouldBe("certificates");
            resolved.Group.ShouldBe("cert-manager.io");
        }

        ResourceCatalog.Default.TryResolve("cert", null, out _).ShouldBeFalse();
    }

    [Fact]
    public void WithCustomResources_BuiltInNamesStillWin()
    {
        var catalog = ResourceCatalog.Default.WithCustomResources(
            [new CustomResourceDefinitionObject("example.com", "pods", "pod", "Pod", ["po"], Namespaced: true)]);

        catalog.TryResolve("po", null, out var resolved).ShouldBeTrue();

        resolved.Group.ShouldBe("");
        catalog.TryResolve("pods.example.com", null, out var custom).ShouldBeTrue();
        custom.Group.ShouldBe("example.com");
    }
}
