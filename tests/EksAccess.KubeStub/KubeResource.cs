namespace EksAccess.KubeStub;

/// <summary>One resource type the stub serves, as discovery describes it.</summary>
public sealed record KubeResource(string Group, string Version, string Plural, string Singular, string Kind, bool Namespaced, string[] ShortNames)
{
    public const string RbacGroup = "rbac.authorization.k8s.io";

    public static IReadOnlyList<KubeResource> All { get; } =
    [
        new("", "v1", "namespaces", "namespace", "Namespace", false, ["ns"]),
        new("", "v1", "configmaps", "configmap", "ConfigMap", true, ["cm"]),
        new("", "v1", "resourcequotas", "resourcequota", "ResourceQuota", true, ["quota"]),
        new("", "v1", "limitranges", "limitrange", "LimitRange", true, ["limits"]),
        new("", "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", true, ["sa"]),
        new(RbacGroup, "v1", "roles", "role", "Role", true, []),
        new(RbacGroup, "v1", "rolebindings", "rolebinding", "RoleBinding", true, []),
        new(RbacGroup, "v1", "clusterroles", "clusterrole", "ClusterRole", false, []),
        new(RbacGroup, "v1", "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", false, []),
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false, ["crd", "crds"]),
        new("authorization.k8s.io", "v1", "subjectaccessreviews", "subjectaccessreview", "SubjectAccessReview", false, []),
    ];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Whether PUT on a missing object creates it (rest.RESTUpdateStrategy AllowCreateOnUpdate).</summary>
    public bool AllowCreateOnUpdate => Group == RbacGroup || Plural is "limitranges";

    public bool IsRbac => Group == RbacGroup;

    /// <summary>The resource as errors name it: <c>configmaps</c>, <c>roles.rbac.authorization.k8s.io</c>.</summary>
    public string Qualified => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public static KubeResource? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public static KubeResource ByPlural(string plural) => All.First(r => r.Plural == plural);
}
