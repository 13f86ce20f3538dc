using System.Collections.Immutable;

namespace EksAccess.Core.Risks;

/// <summary>
/// The rule table of docs/reference/risk-rules.md, as probes for the evaluator. Severities are the sources' where they
/// agree and ours where they do not (docs/decisions/risks.md). Probe names that no API server serves
/// (<c>eksaccess-probe</c>) ask "does a wildcard match something that does not exist yet".
/// </summary>
public static class RiskRules
{
    private const string Core = "";
    private const string Rbac = "rbac.authorization.k8s.io";
    private const string Probe = "eksaccess-probe";
    private const string ProbeGroup = "eksaccess-probe.invalid";

    private static readonly (string Group, string Resource)[] WorkloadResources =
    [
        (Core, "pods"), ("apps", "deployments"), ("apps", "daemonsets"), ("apps", "statefulsets"), ("apps", "replicasets"),
        (Core, "replicationcontrollers"), ("batch", "jobs"), ("batch", "cronjobs"),
    ];

    public static ImmutableArray<RiskRule> Kubernetes { get; } =
    [
        Rule("R-WILDCARD", RiskSeverity.High, RiskSeverity.Critical,
            "a wildcard (*) in verbs, resources or apiGroups: it grants every future verb, resource and CRD too",
            "list the verbs, resources and apiGroups the subject uses (eksaccess rightsize)",
            [P(Probe, Core, "pods"), P("get", Core, Probe), P("get", ProbeGroup, "pods")]),
        Rule("R-SECRETS", RiskSeverity.Medium, RiskSeverity.Critical,
            "reads secrets (get, or list/watch, which return their contents)",
            "grant secrets only by resourceNames, or not at all; use a secret store CSI driver or IRSA instead",
            [P("get", Core, "secrets"), P("list", Core, "secrets"), P("watch", Core, "secrets")]),
        Rule("R-WORKLOAD", RiskSeverity.Medium, RiskSeverity.Critical,
            "creates or changes workloads: it can mount any secret and run as any service account of the namespace",
            "keep workload writes to CI, or to namespaces without privileged service accounts",
            [.. WorkloadResources.SelectMany(r => new[] { P("create", r.Group, r.Resource), P("update", r.Group, r.Resource), P("patch", r.Group, r.Resource) })]),
        Rule("R-EXEC", RiskSeverity.Medium, RiskSeverity.High,
            "execs into, attaches to or port-forwards to pods (any verb counts: WebSocket exec is a get)",
            "drop pods/exec, pods/attach and pods/portforward (get and create); use ephemeral debug only where needed",
            [.. new[] { "exec", "attach", "portforward" }.SelectMany(s => new[] { P("get", Core, "pods", s), P("create", Core, "pods", s) })]),
        Rule("R-EPHEMERAL", RiskSeverity.Medium, RiskSeverity.High,
            "adds ephemeral containers to running pods (a shell with the pod's identity)",
            "drop update/patch on pods/ephemeralcontainers",
            [P("update", Core, "pods", "ephemeralcontainers"), P("patch", Core, "pods", "ephemeralcontainers")]),
        Rule("R-NODEPROXY", RiskSeverity.Critical, RiskSeverity.Critical,
            "reaches the kubelet API through nodes/proxy: get alone runs commands in any pod of the node, unaudited",
            "drop nodes/proxy (every verb); give metrics readers metrics.k8s.io instead",
            [Cluster(P("get", Core, "nodes", "proxy")), Cluster(P("create", Core, "nodes", "proxy"))]),
        Rule("R-ESCALATE", RiskSeverity.High, RiskSeverity.Critical,
            "may write roles with permissions it does not hold (escalate)",
            "drop the escalate verb on roles and clusterroles",
            [P("escalate", Rbac, "roles"), Cluster(P("escalate", Rbac, "clusterroles"))]),
        Rule("R-BIND", RiskSeverity.High, RiskSeverity.Critical,
            "may bind roles it does not hold (bind plus create on bindings)",
            "drop the bind verb, or limit it with resourceNames",
            [P("bind", Rbac, "roles"), Cluster(P("bind", Rbac, "clusterroles"))],
            [P("create", Rbac, "rolebindings"), Cluster(P("create", Rbac, "clusterrolebindings"))]),
        Rule("R-IMPERSONATE", RiskSeverity.High, RiskSeverity.Critical,
            "may impersonate users, groups, service accounts or user extras",
            "drop impersonate, or limit it with resourceNames",
            [Cluster(P("impersonate", Core, "users")), Cluster(P("impersonate", Core, "groups")), P("impersonate", Core, "serviceaccounts"),
             Cluster(P("impersonate", "authentication.k8s.io", "userextras", Probe)), Cluster(P("impersonate", "authentication.k8s.io", "uids"))]),
        Rule("R-TOKEN", RiskSeverity.Medium, RiskSeverity.Critical,
            "mints service account tokens (create serviceaccounts/token)",
            "drop create on serviceaccounts/token",
            [P("create", Core, "serviceaccounts", "token")]),
        Rule("R-SECRET-WRITE", RiskSeverity.Critical, RiskSeverity.Critical,
            "creates or changes secrets in kube-system (a legacy token secret mints a privileged service account's token)",
            "keep secret writes out of kube-system",
            [P("create", Core, "secrets"), P("update", Core, "secrets"), P("patch", Core, "secrets")]) with { OnlyNamespace = RiskRule.PrivilegedNamespace },
        Rule("R-CSR", RiskSeverity.Critical, RiskSeverity.Critical,
            "creates and approves certificate signing requests: a client certificate for any user or group",
            "split CSR creation from approval; limit approval by signerName",
            [Cluster(P("create", "certificates.k8s.io", "certificatesigningrequests"))],
            [Cluster(P("update", "certificates.k8s.io", "certificatesigningrequests", "approval")), Cluster(P("patch", "certificates.k8s.io", "certificatesigningrequests", "approval"))]),
        Rule("R-WEBHOOK", RiskSeverity.High, RiskSeverity.High,
            "writes admission webhook configurations (sees or rewrites every object admitted)",
            "keep webhook configurations to the platform's deploy role",
            [.. new[] { "validatingwebhookconfigurations", "mutatingwebhookconfigurations" }.SelectMany(r => new[] { "create", "update", "patch" }.Select(v => Cluster(P(v, "admissionregistration.k8s.io", r))))]),
        Rule("R-PV", RiskSeverity.High, RiskSeverity.High,
            "creates PersistentVolumes (a hostPath volume reads the node's disk)",
            "let only the storage provisioner create PersistentVolumes",
            [Cluster(P("create", Core, "persistentvolumes"))]),
        Rule("R-NSLABEL", RiskSeverity.Medium, RiskSeverity.High,
            "relabels namespaces (switches off Pod Security admission or escapes NetworkPolicies)",
            "drop update/patch on namespaces",
            [NsObject(P("patch", Core, "namespaces")), NsObject(P("update", Core, "namespaces"))]),
        Rule("R-CRD", RiskSeverity.Medium, RiskSeverity.Medium,
            "creates, changes or deletes CustomResourceDefinitions",
            "keep CRDs to the platform's deploy role",
            [.. new[] { "create", "update", "patch", "delete" }.Select(v => Cluster(P(v, "apiextensions.k8s.io", "customresourcedefinitions")))]),
        Rule("R-STEAL", RiskSeverity.High, RiskSeverity.High,
            "deletes or evicts pods and cordons nodes: it can steer pods onto a node it controls",
            "split pod deletion from node writes",
            [P("delete", Core, "pods"), P("create", Core, "pods", "eviction")],
            [Cluster(P("patch", Core, "nodes")), Cluster(P("update", Core, "nodes"))]),
        Rule("R-STATUS", RiskSeverity.Low, RiskSeverity.Medium,
            "writes nodes/status, pods/status or services/status (CVE-2020-8554: hijack a service's external IP)",
            "drop writes on status subresources",
            [Cluster(P("patch", Core, "nodes", "status")), Cluster(P("update", Core, "nodes", "status")), P("patch", Core, "pods", "status"), P("update", Core, "pods", "status"), P("patch", Core, "services", "status"), P("update", Core, "services", "status")]),
        Rule("R-EVENTS", RiskSeverity.Low, RiskSeverity.Medium,
            "deletes events (covers its tracks)",
            "drop delete and deletecollection on events",
            [P("delete", Core, "events"), P("deletecollection", Core, "events"), P("delete", "events.k8s.io", "events")]),
        Rule("R-COREDNS", RiskSeverity.High, RiskSeverity.High,
            "changes the coredns ConfigMap (redirects the cluster's DNS)",
            "keep kube-system ConfigMap writes to the platform's deploy role",
            [P("update", Core, "configmaps", "", "coredns"), P("patch", Core, "configmaps", "", "coredns")]) with { OnlyNamespace = RiskRule.PrivilegedNamespace },
        Rule("E-AWSAUTH-WRITE", RiskSeverity.Critical, RiskSeverity.Critical,
            "writes the aws-auth ConfigMap (or may create it): cluster-admin by mapping any IAM principal to system:masters",
            "drop configmap writes in kube-system, or move to authenticationMode API",
            [P("update", Core, "configmaps", "", "aws-auth"), P("patch", Core, "configmaps", "", "aws-auth"), P("delete", Core, "configmaps", "", "aws-auth"), P("create", Core, "configmaps")])
            with { OnlyNamespace = RiskRule.PrivilegedNamespace, NeedsAwsAuth = true },
    ];

    /// <summary>The ids of the rules that are not probe rules (identity, mapping and hygiene checks).</summary>
    public static IReadOnlyDictionary<string, (RiskSeverity Severity, string Message, string Fix)> Checks { get; } =
        new Dictionary<string, (RiskSeverity, string, string)>(StringComparer.Ordinal)
        {
            ["R-MASTERS"] = (RiskSeverity.Critical, "in system:masters: allowed everything before RBAC and webhooks; no binding can revoke it", "map the principal to a group bound to a ClusterRole instead, or to an access policy"),
            ["R-ANON"] = (RiskSeverity.High, "anonymous or every authenticated caller is granted more than discovery", "remove the binding to system:anonymous, system:unauthenticated or system:authenticated"),
            ["E-MASTERS-MAP"] = (RiskSeverity.Critical, "aws-auth maps a principal to system:masters", "map it to a group bound to a ClusterRole, or migrate to an access entry with an access policy"),
            ["E-ADMIN-POLICY"] = (RiskSeverity.Critical, "cluster admin through an access entry", "associate a narrower access policy, or namespace scope"),
            ["E-MAPACCOUNTS"] = (RiskSeverity.High, "aws-auth mapAccounts: every IAM principal of the account authenticates", "map the roles that need access one by one"),
            ["E-CONFIGMAP-MODE"] = (RiskSeverity.Low, "the cluster reads the aws-auth ConfigMap (anyone who may write it is admin)", "migrate to access entries and set authenticationMode API"),
            ["E-IAMUSER"] = (RiskSeverity.Medium, "an IAM user (long-lived keys) reaches the cluster", "map a role the user assumes instead, or use IAM Identity Center"),
            ["E-CREATOR"] = (RiskSeverity.Medium, "bootstrapClusterCreatorAdminPermissions is on: the cluster creator is an invisible admin", "create the cluster with bootstrapClusterCreatorAdminPermissions=false and an explicit admin entry"),
            ["E-ORPHAN"] = (RiskSeverity.Medium, "the access entry's principal was deleted or re-created", "delete the entry, and create it again for the new principal if it is meant"),
            ["H-UNUSED-GROUP"] = (RiskSeverity.Low, "an access entry's kubernetesGroups names a group no binding uses", "remove the group from the entry, or bind it"),
            ["H-UNMAPPED-SUBJECT"] = (RiskSeverity.Low, "a binding names a user or group no IAM principal maps to", "remove the subject, or map the principal that should have it"),
            ["H-UNSEEN"] = (RiskSeverity.Low, "a mapped principal never appears in the audit log given", "remove its access entry or mapping if it is no longer used"),
        };

    /// <summary>The rule's highest severity, message and fix, for rule metadata (SARIF tool.driver.rules).</summary>
    public static (RiskSeverity Severity, string Message, string Fix) Describe(string id)
    {
        if (Checks.TryGetValue(id, out var check))
        {
            return check;
        }

        var rule = Kubernetes.First(r => string.Equals(r.Id, id, StringComparison.Ordinal));
        return (rule.PrivilegedSeverity, rule.Message, rule.Fix);
    }

    public static IEnumerable<string> AllIds => Kubernetes.Select(r => r.Id).Concat(Checks.Keys);

    private static RiskRule Rule(string id, RiskSeverity severity, RiskSeverity privileged, string message, string fix, params RiskProbe[][] allOf) =>
        new(id, severity, privileged, message, fix, [.. allOf.Select(g => g.ToImmutableArray())]);

    private static RiskProbe P(string verb, string group, string resource, string subresource = "", string name = "") => new(verb, group, resource, subresource, name);

    private static RiskProbe Cluster(RiskProbe probe) => probe with { ClusterScoped = true };

    private static RiskProbe NsObject(RiskProbe probe) => probe with { NamespaceIsName = true };
}
