using System.Net;
using System.Text.Json.Nodes;
using EksAccess.KubeStub;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EksAccess.Kubernetes.Tests;

/// <summary>The stub behaves like the API server where eksaccess depends on it (checked through KubernetesClient).</summary>
public sealed class KubeApiStubTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Get_MissingObject_404WithNotFoundStatus()
    {
        await using var fixture = await StubFixture.StartAsync();

        var ex = await Should.ThrowAsync<HttpOperationException>(() => fixture.Kubernetes.CoreV1.ReadNamespacedConfigMapAsync("aws-auth", "kube-system", cancellationToken: None));

        ex.Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var status = JsonNode.Parse(ex.Response.Content)!;
        ((string?)status["kind"]).ShouldBe("Status");
        ((string?)status["reason"]).ShouldBe("NotFound");
        ((string?)status["message"]).ShouldBe("configmaps \"aws-auth\" not found");
        ((int?)status["code"]).ShouldBe(404);
    }

    [Fact]
    public async Task Request_WithoutToken_401()
    {
        await using var fixture = await StubFixture.StartAsync();
        using var anonymous = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = fixture.Stub.Url });

        var ex = await Should.ThrowAsync<HttpOperationException>(() => anonymous.CoreV1.ListNamespaceAsync(cancellationToken: None));

        ex.Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Replace_StaleResourceVersion_409ConflictAndUnchangedUpdateKeepsVersion()
    {
        await using var fixture = await StubFixture.StartAsync();
        var api = fixture.Kubernetes.CoreV1;
        var created = await api.CreateNamespacedConfigMapAsync(ConfigMap("a", "1"), "default", cancellationToken: None);
        var first = await api.ReadNamespacedConfigMapAsync("cm", "default", cancellationToken: None);
        var updated = await api.ReplaceNamespacedConfigMapAsync(WithData(first, "2"), "cm", "default", cancellationToken: None);

        var stale = await Should.ThrowAsync<HttpOperationException>(() => api.ReplaceNamespacedConfigMapAsync(WithData(first, "3"), "cm", "default", cancellationToken: None));
        var same = await api.ReplaceNamespacedConfigMapAsync(updated, "cm", "default", cancellationToken: None);

        stale.Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        ((string?)JsonNode.Parse(stale.Response.Content)!["reason"]).ShouldBe("Conflict");
        long.Parse(updated.Metadata.ResourceVersion).ShouldBeGreaterThan(long.Parse(created.Metadata.ResourceVersion));
        same.Metadata.ResourceVersion.ShouldBe(updated.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Create_Existing_409AlreadyExists()
    {
        await using var fixture = await StubFixture.StartAsync();
        await fixture.Kubernetes.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a", "1"), "default", cancellationToken: None);

        var ex = await Should.ThrowAsync<HttpOperationException>(() => fixture.Kubernetes.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a", "1"), "default", cancellationToken: None));

        ((string?)JsonNode.Parse(ex.Response.Content)!["reason"]).ShouldBe("AlreadyExists");
    }

    [Fact]
    public async Task Create_InMissingNamespace_404()
    {
        await using var fixture = await StubFixture.StartAsync();

        var ex = await Should.ThrowAsync<HttpOperationException>(() => fixture.Kubernetes.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a", "1"), "nope", cancellationToken: None));

        ((string?)JsonNode.Parse(ex.Response.Content)!["message"]).ShouldBe("namespaces \"nope\" not found");
    }

    [Fact]
    public async Task Apply_CreatesWhenAbsentRecordsManagedFieldsAndDefaultsSubjects()
    {
        await using var fixture = await StubFixture.StartAsync();
        var body = """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"b","namespace":"default"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},"subjects":[{"kind":"Group","name":"g"}]}""";

        var binding = await fixture.Kubernetes.RbacAuthorizationV1.PatchNamespacedRoleBindingAsync(
            new V1Patch(body, V1Patch.PatchType.ApplyPatch), "b", "default", fieldManager: "me", cancellationToken: None);

        binding.Subjects.ShouldHaveSingleItem().ApiGroup.ShouldBe("rbac.authorization.k8s.io");
        var managed = binding.Metadata.ManagedFields.ShouldHaveSingleItem();
        (managed.Manager, managed.Operation).ShouldBe(("me", "Apply"));
    }

    [Fact]
    public async Task Apply_WithoutFieldManager_400()
    {
        await using var fixture = await StubFixture.StartAsync();

        var ex = await Should.ThrowAsync<HttpOperationException>(() => fixture.Kubernetes.CoreV1.PatchNamespaceAsync(
            new V1Patch("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"x"}}""", V1Patch.PatchType.ApplyPatch), "x", cancellationToken: None));

        ex.Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Apply_FieldOwnedByAnotherManagerWithOtherValue_ConflictUnlessForced()
    {
        await using var fixture = await StubFixture.StartAsync();
        var rbac = fixture.Kubernetes.RbacAuthorizationV1;
        await rbac.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "r" },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["pods"], Verbs = ["get"] }],
        }, "default", fieldManager: "kubectl-create", cancellationToken: None);
        var patch = new V1Patch("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"r","namespace":"default"},"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["list"]}]}""", V1Patch.PatchType.ApplyPatch);

        var conflict = await Should.ThrowAsync<HttpOperationException>(() => rbac.PatchNamespacedRoleAsync(patch, "r", "default", fieldManager: "eksaccess", force: false, cancellationToken: None));
        var forced = await rbac.PatchNamespacedRoleAsync(patch, "r", "default", fieldManager: "eksaccess", force: true, cancellationToken: None);

        conflict.Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var status = JsonNode.Parse(conflict.Response.Content)!;
        ((string?)status["message"]).ShouldBe("Apply failed with 1 conflict: conflict with \"kubectl-create\" using rbac.authorization.k8s.io/v1: .rules");
        ((string?)status["details"]!["causes"]![0]!["reason"]).ShouldBe("FieldManagerConflict");
        forced.Rules.ShouldHaveSingleItem().Verbs.ShouldBe(["list"]);
    }

    [Fact]
    public async Task Apply_SameValueAsAnotherManager_SharedWithoutConflict()
    {
        await using var fixture = await StubFixture.StartAsync();
        await fixture.Kubernetes.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a", "1"), "default", fieldManager: "other", cancellationToken: None);

        var applied = await fixture.Kubernetes.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","namespace":"default"},"data":{"a":"1"}}""", V1Patch.PatchType.ApplyPatch),
            "cm", "default", fieldManager: "eksaccess", cancellationToken: None);

        applied.Metadata.ManagedFields.Select(m => m.Manager).ShouldBe(["other", "eksaccess"], ignoreOrder: true);
    }

    [Fact]
    public async Task Apply_FieldDroppedFromAppliedConfig_IsRemoved()
    {
        await using var fixture = await StubFixture.StartAsync();
        var api = fixture.Kubernetes.CoreV1;
        await api.PatchNamespaceAsync(new V1Patch("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"x","labels":{"a":"1","b":"2"}}}""", V1Patch.PatchType.ApplyPatch), "x", fieldManager: "m", cancellationToken: None);

        var ns = await api.PatchNamespaceAsync(new V1Patch("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"x","labels":{"a":"1"}}}""", V1Patch.PatchType.ApplyPatch), "x", fieldManager: "m", cancellationToken: None);

        ns.Metadata.Labels.Keys.ShouldBe(["a", "kubernetes.io/metadata.name"], ignoreOrder: true);
    }

    [Fact]
    public async Task Apply_QuotaQuantities_StoredCanonicalAndReapplyIsANoOp()
    {
        await using var fixture = await StubFixture.StartAsync();
        var patch = new V1Patch("""{"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"q","namespace":"default"},"spec":{"hard":{"cpu":"1000m","memory":"1024Mi","pods":"20"}}}""", V1Patch.PatchType.ApplyPatch);

        var first = await fixture.Kubernetes.CoreV1.PatchNamespacedResourceQuotaAsync(patch, "q", "default", fieldManager: "m", cancellationToken: None);
        var second = await fixture.Kubernetes.CoreV1.PatchNamespacedResourceQuotaAsync(patch, "q", "default", fieldManager: "m", cancellationToken: None);
        var raw = fixture.Stub.Store.Get(KubeResource.ByPlural("resourcequotas"), "default", "q")!;

        ((string?)raw["spec"]!["hard"]!["cpu"]).ShouldBe("1");
        ((string?)raw["spec"]!["hard"]!["memory"]).ShouldBe("1Gi");
        second.Metadata.ResourceVersion.ShouldBe(first.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task CreateNamespace_GainsNameLabelDefaultServiceAccountAndRootCa()
    {
        await using var fixture = await StubFixture.StartAsync();

        var ns = await fixture.Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } }, cancellationToken: None);
        var accounts = await fixture.Kubernetes.CoreV1.ListNamespacedServiceAccountAsync("team", cancellationToken: None);
        var configMaps = await fixture.Kubernetes.CoreV1.ListNamespacedConfigMapAsync("team", cancellationToken: None);

        ns.Metadata.Labels["kubernetes.io/metadata.name"].ShouldBe("team");
        ns.Status.Phase.ShouldBe("Active");
        accounts.Items.ShouldHaveSingleItem().Metadata.Name.ShouldBe("default");
        configMaps.Items.ShouldHaveSingleItem().Metadata.Name.ShouldBe("kube-root-ca.crt");
    }

    [Fact]
    public async Task Replace_BindingRoleRef_422Invalid()
    {
        await using var fixture = await StubFixture.StartAsync();
        var rbac = fixture.Kubernetes.RbacAuthorizationV1;
        var binding = await rbac.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "b" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "view" },
        }, "default", cancellationToken: None);
        binding.RoleRef.Name = "edit";

        var ex = await Should.ThrowAsync<HttpOperationException>(() => rbac.ReplaceNamespacedRoleBindingAsync(binding, "b", "default", cancellationToken: None));

        ex.Response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        ((string?)JsonNode.Parse(ex.Response.Content)!["message"])!.ShouldContain("cannot change roleRef");
    }

    [Fact]
    public async Task List_WithLimit_PagesWithContinue()
    {
        await using var fixture = await StubFixture.StartAsync();

        var first = await fixture.Kubernetes.RbacAuthorizationV1.ListClusterRoleAsync(limit: 10, cancellationToken: None);
        var second = await fixture.Kubernetes.RbacAuthorizationV1.ListClusterRoleAsync(limit: 10, continueParameter: first.Metadata.ContinueProperty, cancellationToken: None);

        first.Items.Count.ShouldBe(10);
        first.Metadata.ContinueProperty.ShouldNotBeNullOrEmpty();
        second.Items.Select(r => r.Metadata.Name).ShouldNotContain(first.Items[0].Metadata.Name);
    }

    [Fact]
    public async Task AggregatedClusterRole_RulesFilledByTheControllerWhichOwnsThem()
    {
        await using var fixture = await StubFixture.StartAsync();

        var view = await fixture.Kubernetes.RbacAuthorizationV1.ReadClusterRoleAsync("view", cancellationToken: None);

        view.Rules.ShouldNotBeEmpty();
        view.Metadata.ManagedFields.ShouldContain(m => m.Manager == KubeStore.AggregationManager);
    }

    [Fact]
    public async Task SubjectAccessReview_UsesUserAndGroupsVerbatim()
    {
        await using var fixture = await StubFixture.StartAsync();

        async Task<bool> AllowedAsync(params string[] groups) => (await fixture.Kubernetes.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = "alice",
                Groups = groups,
                NonResourceAttributes = new V1NonResourceAttributes { Path = "/version", Verb = "get" },
            },
        }, cancellationToken: None)).Status.Allowed;

        (await AllowedAsync()).ShouldBeFalse();
        (await AllowedAsync("system:authenticated")).ShouldBeTrue();
        (await AllowedAsync("system:masters")).ShouldBeTrue();
    }

    [Fact]
    public async Task Forbid_Answers403Status()
    {
        await using var fixture = await StubFixture.StartAsync();
        fixture.Stub.Forbid = request => request.Verb == "list";

        var ex = await Should.ThrowAsync<HttpOperationException>(() => fixture.Kubernetes.CoreV1.ListNamespaceAsync(cancellationToken: None));

        ex.Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ((string?)JsonNode.Parse(ex.Response.Content)!["reason"]).ShouldBe("Forbidden");
    }

    private static V1ConfigMap ConfigMap(string key, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = "cm" },
        Data = new Dictionary<string, string> { [key] = value },
    };

    private static V1ConfigMap WithData(V1ConfigMap configMap, string value)
    {
        var copy = KubernetesJson.Deserialize<V1ConfigMap>(KubernetesJson.Serialize(configMap));
        copy.Data["a"] = value;
        return copy;
    }
}
