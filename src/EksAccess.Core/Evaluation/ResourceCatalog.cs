using System.Collections.Immutable;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Evaluation;

/// <summary>
/// What kubectl's discovery would resolve a TYPE argument to: the standard resources of Kubernetes v1.34 (plus
/// metrics.k8s.io from metrics-server, and custom resources added with <see cref="WithCustomResources"/>), in
/// discovery priority order (core, then the built-in groups, then CRD groups alphabetically, then metrics.k8s.io).
/// <see cref="TryResolve"/> follows cani.go resourceFor, the shortcut expander and the default REST mapper.
/// </summary>
public sealed class ResourceCatalog
{
    private static readonly ImmutableHashSet<string> NonStandardResourceNames = ImmutableHashSet.Create(StringComparer.Ordinal, "users", "groups");

    private static readonly Lazy<ResourceCatalog> LazyDefault = new(() => new ResourceCatalog(BuiltIn(), []), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ImmutableArray<ApiResource> _builtIn;
    private readonly ImmutableArray<ApiResource> _custom;

    private ResourceCatalog(ImmutableArray<ApiResource> builtIn, ImmutableArray<ApiResource> custom)
    {
        _builtIn = builtIn;
        _custom = custom;
        Resources = [.. builtIn.Where(r => !IsAggregatedMetrics(r)), .. custom, .. builtIn.Where(IsAggregatedMetrics)];
    }

    /// <summary>The built-in table.</summary>
    public static ResourceCatalog Default => LazyDefault.Value;

    /// <summary>Every resource, in discovery priority order.</summary>
    public ImmutableArray<ApiResource> Resources { get; }

    /// <summary>
    /// A catalog that also knows these custom resources. Their group priority is below every built-in group (as the
    /// aggregator orders CRD groups), groups in ordinal order; served versions are not known, so any version matches.
    /// </summary>
    public ResourceCatalog WithCustomResources(IEnumerable<CustomResourceDefinitionObject> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var added = definitions
            .Select(d => new ApiResource(
                d.Plural.ToLowerInvariant(),
                (string.IsNullOrEmpty(d.Singular) ? d.Kind : d.Singular).ToLowerInvariant(),
                d.ShortNames.IsDefault ? [] : [.. d.ShortNames.Select(s => s.ToLowerInvariant())],
                d.Kind,
                d.Group,
                [],
                d.Namespaced));
        var custom = _custom.Concat(added)
            .GroupBy(r => (r.Group, r.Plural))
            .Select(g => g.Last())
            .OrderBy(r => r.Group, StringComparer.Ordinal)
            .ThenBy(r => r.Plural, StringComparer.Ordinal)
            .ToImmutableArray();
        return new ResourceCatalog(_builtIn, custom);
    }

    /// <summary>
    /// Resolves a TYPE argument as <c>kubectl auth can-i</c> does:
    /// <c>*</c> → resource <c>*</c>, group "" (never group <c>*</c>); otherwise lower-cased; with two or more dots first
    /// tried as <c>resource.version.group</c>; then split at the FIRST dot into resource and group
    /// (<c>deployments.apps</c>); short names (group-filtered, then by group prefix) and singular / Kind names map to the
    /// plural; a group may be a prefix of the real one (<c>storageclass.storage</c>); when several groups have the
    /// resource the highest-priority one wins (<c>events</c> → core). <paramref name="explicitGroup"/>, when given, is
    /// the group and <paramref name="typeArg"/> is taken whole as the resource.
    /// Returns false when discovery does not know it: then <paramref name="resolved"/> carries what kubectl sends
    /// anyway — the argument exactly as typed with group "" — or,
    /// with an explicit group, the argument and that group; plus the warning. See docs/decisions/authz-kubectl-type-resolution.md.
    /// </summary>
    public bool TryResolve(string typeArg, string? explicitGroup, out ResolvedResource resolved)
    {
        ArgumentNullException.ThrowIfNull(typeArg);
        if (explicitGroup is null && string.Equals(typeArg, "*", StringComparison.Ordinal))
        {
            resolved = new ResolvedResource("*", "", Known: true);
            return true;
        }

        var lower = typeArg.ToLowerInvariant();
        string resource;
        string group;
        if (explicitGroup is not null)
        {
            resource = lower;
            group = explicitGroup.ToLowerInvariant();
        }
        else
        {
            if (lower.Count(c => c == '.') >= 2)
            {
                var parts = lower.Split('.', 3);
                if (FindFullySpecified(parts[0], parts[1], parts[2]) is { } full)
                {
                    resolved = Resolved(full);
                    return true;
                }
            }

            var dot = lower.IndexOf('.', StringComparison.Ordinal);
            resource = dot < 0 ? lower : lower[..dot];
            group = dot < 0 ? "" : lower[(dot + 1)..];
        }

        // "*.apps": every resource of one group. kubectl itself cannot map a wildcard through discovery and would send
        // the literal "*.apps"; eksaccess's can-i contract splits it at the first dot, the question the user means
        // (and one a SubjectAccessReview can ask). See docs/decisions/authz-kubectl-type-resolution.md.
        if (explicitGroup is null && string.Equals(resource, "*", StringComparison.Ordinal) && group.Length > 0)
        {
            resolved = new ResolvedResource("*", group, Known: true);
            return true;
        }

        // An explicit --api-group names the group exactly: "" is the core group, not "any group" as a bare TYPE is.
        var found = explicitGroup is null
            ? FindGroupResource(resource, group)
            : Resources.FirstOrDefault(r => string.Equals(r.Group, group, StringComparison.Ordinal)
                && (NameMatches(r, resource) || r.ShortNames.Contains(resource, StringComparer.Ordinal)));
        if (found is not null)
        {
            resolved = Resolved(found);
            return true;
        }

        string? warning = null;
        if (!(group.Length == 0 && NonStandardResourceNames.Contains(resource)))
        {
            warning = group.Length == 0
                ? $"the server doesn't have a resource type '{resource}'"
                : $"the server doesn't have a resource type '{resource}' in group '{group}'";
        }

        resolved = new ResolvedResource(typeArg, explicitGroup ?? "", Known: false) { Warning = warning };
        return false;
    }

    /// <summary>The resource with this plural in this group, if known.</summary>
    public ApiResource? Find(string group, string plural)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(plural);
        foreach (var resource in Resources)
        {
            if (string.Equals(resource.Group, group, StringComparison.Ordinal) && string.Equals(resource.Plural, plural, StringComparison.Ordinal))
            {
                return resource;
            }
        }

        return null;
    }

    private static ResolvedResource Resolved(ApiResource resource) =>
        new(resource.Plural, resource.Group, Known: true) { Kind = resource.Kind, Namespaced = resource.Namespaced };

    private ApiResource? FindFullySpecified(string resource, string version, string group)
    {
        var (expanded, expandedGroup) = ExpandShortcut(resource, group);
        foreach (var candidate in Resources)
        {
            if (string.Equals(candidate.Group, expandedGroup, StringComparison.Ordinal)
                && (candidate.Versions.IsEmpty || candidate.Versions.Contains(version, StringComparer.Ordinal))
                && NameMatches(candidate, expanded))
            {
                return candidate;
            }
        }

        return null;
    }

    private ApiResource? FindGroupResource(string resource, string group)
    {
        var (expanded, expandedGroup) = ExpandShortcut(resource, group);
        if (expandedGroup.Length == 0)
        {
            return Resources.FirstOrDefault(r => NameMatches(r, expanded));
        }

        return Resources.FirstOrDefault(r => string.Equals(r.Group, expandedGroup, StringComparison.Ordinal) && NameMatches(r, expanded))
            ?? Resources.FirstOrDefault(r => r.Group.StartsWith(expandedGroup, StringComparison.Ordinal) && NameMatches(r, expanded));
    }

    /// <summary>restmapper shortcutExpander.expandResourceShortcut.</summary>
    private (string Resource, string Group) ExpandShortcut(string resource, string group)
    {
        foreach (var candidate in Resources)
        {
            if (group.Length > 0 && !string.Equals(group, candidate.Group, StringComparison.Ordinal))
            {
                continue;
            }

            if (NameMatches(candidate, resource))
            {
                return (resource, group);
            }
        }

        foreach (var candidate in Resources)
        {
            if (group.Length > 0 && !string.Equals(group, candidate.Group, StringComparison.Ordinal))
            {
                continue;
            }

            if (candidate.ShortNames.Contains(resource, StringComparer.Ordinal))
            {
                return (candidate.Plural, candidate.Group);
            }
        }

        if (group.Length == 0)
        {
            return (resource, group);
        }

        foreach (var candidate in Resources)
        {
            if (candidate.Group.StartsWith(group, StringComparison.Ordinal) && candidate.ShortNames.Contains(resource, StringComparer.Ordinal))
            {
                return (candidate.Plural, candidate.Group);
            }
        }

        return (resource, group);
    }

    private static bool NameMatches(ApiResource candidate, string name) =>
        string.Equals(candidate.Plural, name, StringComparison.Ordinal) || string.Equals(candidate.Singular, name, StringComparison.Ordinal);

    private static bool IsAggregatedMetrics(ApiResource resource) => string.Equals(resource.Group, "metrics.k8s.io", StringComparison.Ordinal);

    private static ImmutableArray<ApiResource> BuiltIn()
    {
        var v1 = ImmutableArray.Create("v1");
        return
        [
            // core (v1), alphabetical as discovery lists it
            R("bindings", "Binding", "", v1, true),
            R("componentstatuses", "ComponentStatus", "", v1, false, "cs"),
            R("configmaps", "ConfigMap", "", v1, true, "cm"),
            R("endpoints", "Endpoints", "", v1, true, "ep"),
            R("events", "Event", "", v1, true, "ev"),
            R("limitranges", "LimitRange", "", v1, true, "limits"),
            R("namespaces", "Namespace", "", v1, false, "ns"),
            R("nodes", "Node", "", v1, false, "no"),
            R("persistentvolumeclaims", "PersistentVolumeClaim", "", v1, true, "pvc"),
            R("persistentvolumes", "PersistentVolume", "", v1, false, "pv"),
            R("pods", "Pod", "", v1, true, "po"),
            R("podtemplates", "PodTemplate", "", v1, true),
            R("replicationcontrollers", "ReplicationController", "", v1, true, "rc"),
            R("resourcequotas", "ResourceQuota", "", v1, true, "quota"),
            R("secrets", "Secret", "", v1, true),
            R("serviceaccounts", "ServiceAccount", "", v1, true, "sa"),
            R("services", "Service", "", v1, true, "svc"),

            R("apiservices", "APIService", "apiregistration.k8s.io", v1, false),

            R("controllerrevisions", "ControllerRevision", "apps", v1, true),
            R("daemonsets", "DaemonSet", "apps", v1, true, "ds"),
            R("deployments", "Deployment", "apps", v1, true, "deploy"),
            R("replicasets", "ReplicaSet", "apps", v1, true, "rs"),
            R("statefulsets", "StatefulSet", "apps", v1, true, "sts"),

            R("events", "Event", "events.k8s.io", v1, true, "ev"),

            R("selfsubjectreviews", "SelfSubjectReview", "authentication.k8s.io", v1, false),
            R("tokenreviews", "TokenReview", "authentication.k8s.io", v1, false),

            R("localsubjectaccessreviews", "LocalSubjectAccessReview", "authorization.k8s.io", v1, true),
            R("selfsubjectaccessreviews", "SelfSubjectAccessReview", "authorization.k8s.io", v1, false),
            R("selfsubjectrulesreviews", "SelfSubjectRulesReview", "authorization.k8s.io", v1, false),
            R("subjectaccessreviews", "SubjectAccessReview", "authorization.k8s.io", v1, false),

            R("horizontalpodautoscalers", "HorizontalPodAutoscaler", "autoscaling", ["v2", "v1"], true, "hpa"),

            R("cronjobs", "CronJob", "batch", v1, true, "cj"),
            R("jobs", "Job", "batch", v1, true),

            R("certificatesigningrequests", "CertificateSigningRequest", "certificates.k8s.io", v1, false, "csr"),

            R("ingressclasses", "IngressClass", "networking.k8s.io", v1, false),
            R("ingresses", "Ingress", "networking.k8s.io", v1, true, "ing"),
            R("ipaddresses", "IPAddress", "networking.k8s.io", v1, false, "ip"),
            R("networkpolicies", "NetworkPolicy", "networking.k8s.io", v1, true, "netpol"),
            R("servicecidrs", "ServiceCIDR", "networking.k8s.io", v1, false),

            R("poddisruptionbudgets", "PodDisruptionBudget", "policy", v1, true, "pdb"),

            R("clusterrolebindings", "ClusterRoleBinding", "rbac.authorization.k8s.io", v1, false),
            R("clusterroles", "ClusterRole", "rbac.authorization.k8s.io", v1, false),
            R("rolebindings", "RoleBinding", "rbac.authorization.k8s.io", v1, true),
            R("roles", "Role", "rbac.authorization.k8s.io", v1, true),

            R("csidrivers", "CSIDriver", "storage.k8s.io", v1, false),
            R("csinodes", "CSINode", "storage.k8s.io", v1, false),
            R("csistoragecapacities", "CSIStorageCapacity", "storage.k8s.io", v1, true),
            R("storageclasses", "StorageClass", "storage.k8s.io", v1, false, "sc"),
            R("volumeattachments", "VolumeAttachment", "storage.k8s.io", v1, false),
            R("volumeattributesclasses", "VolumeAttributesClass", "storage.k8s.io", v1, false, "vac"),

            R("mutatingwebhookconfigurations", "MutatingWebhookConfiguration", "admissionregistration.k8s.io", v1, false),
            R("validatingadmissionpolicies", "ValidatingAdmissionPolicy", "admissionregistration.k8s.io", v1, false),
            R("validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", "admissionregistration.k8s.io", v1, false),
            R("validatingwebhookconfigurations", "ValidatingWebhookConfiguration", "admissionregistration.k8s.io", v1, false),

            R("priorityclasses", "PriorityClass", "scheduling.k8s.io", v1, false, "pc"),

            R("leases", "Lease", "coordination.k8s.io", v1, true),

            R("customresourcedefinitions", "CustomResourceDefinition", "apiextensions.k8s.io", v1, false, "crd", "crds"),

            R("runtimeclasses", "RuntimeClass", "node.k8s.io", v1, false),

            R("endpointslices", "EndpointSlice", "discovery.k8s.io", v1, true),

            R("flowschemas", "FlowSchema", "flowcontrol.apiserver.k8s.io", v1, false),
            R("prioritylevelconfigurations", "PriorityLevelConfiguration", "flowcontrol.apiserver.k8s.io", v1, false),

            R("deviceclasses", "DeviceClass", "resource.k8s.io", v1, false),
            R("resourceclaims", "ResourceClaim", "resource.k8s.io", v1, true),
            R("resourceclaimtemplates", "ResourceClaimTemplate", "resource.k8s.io", v1, true),
            R("resourceslices", "ResourceSlice", "resource.k8s.io", v1, false),

            // metrics-server (an aggregated API, lowest priority): reached only with the group given explicitly,
            // because core pods/nodes win for the bare names.
            R("nodes", "NodeMetrics", "metrics.k8s.io", ["v1beta1"], false),
            R("pods", "PodMetrics", "metrics.k8s.io", ["v1beta1"], true),
        ];
    }

    private static ApiResource R(string plural, string kind, string group, ImmutableArray<string> versions, bool namespaced, params string[] shortNames) =>
        new(plural, kind.ToLowerInvariant(), [.. shortNames], kind, group, versions, namespaced);
}
