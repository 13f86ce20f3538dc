using EksAccess.Core.Identity;

#pragma warning disable MA0048 // A closed hierarchy: the three reasons live with their base.

namespace EksAccess.Core.Authorization;

/// <summary>What allowed a request: the privileged group, an EKS access policy, or an RBAC binding's rule.</summary>
public abstract record DecisionReason
{
    private protected DecisionReason()
    {
    }

    /// <summary>One human line, like kube-apiserver's audit reason.</summary>
    public abstract string Explain();
}

/// <summary>The request's groups contain <c>system:masters</c>: kube-apiserver's privileged-group authorizer allows it before RBAC.</summary>
public sealed record PrivilegedGroupReason(string Group) : DecisionReason
{
    public const string SystemMasters = "system:masters";

    public override string Explain() => $"allowed by the {Group} group";
}

/// <summary>An EKS access policy associated with the principal's access entry allowed it, through rule <see cref="RuleIndex"/> (0-based).</summary>
public sealed record AccessPolicyReason(string PolicyArn, AccessScope Scope, int RuleIndex, PolicyRule Rule) : DecisionReason
{
    public string PolicyName => AccessPolicyCatalog.NameOf(PolicyArn);

    public override string Explain()
    {
        var scope = Scope.IsCluster ? "cluster scope" : $"namespace scope: {string.Join(", ", Scope.Namespaces.IsDefault ? [] : Scope.Namespaces)}";
        return $"EKS Access Policy: allowed by {PolicyName} ({scope})";
    }
}

/// <summary>
/// An RBAC binding allowed it: the binding (<see cref="BindingNamespace"/> is "" for a ClusterRoleBinding), the role
/// its roleRef names, the first rule of that role that matches (<see cref="RuleIndex"/>, 0-based) and the first
/// subject of the binding that matched the user, as written in the binding.
/// </summary>
public sealed record RbacReason(
    BindingKind BindingKind,
    string BindingNamespace,
    string BindingName,
    string RoleKind,
    string RoleName,
    int RuleIndex,
    PolicyRule Rule,
    Subject Subject) : DecisionReason
{
    /// <summary>kube-apiserver's wording: <c>RBAC: allowed by RoleBinding "name/namespace" of Role "r" to Group "g"</c>.</summary>
    public override string Explain() => $"RBAC: allowed by {DescribeBinding()} of {RoleKind} \"{RoleName}\" to {DescribeSubject()}";

    /// <summary><c>ClusterRoleBinding "name"</c> or <c>RoleBinding "name/namespace"</c> (kube-apiserver puts the name first).</summary>
    public string DescribeBinding() => BindingKind == BindingKind.ClusterRoleBinding
        ? $"ClusterRoleBinding \"{BindingName}\""
        : $"RoleBinding \"{BindingName}/{BindingNamespace}\"";

    /// <summary><c>Group "g"</c>, <c>User "u"</c> or <c>ServiceAccount "name/namespace"</c> (namespace defaulted to the binding's).</summary>
    public string DescribeSubject()
    {
        if (string.Equals(Subject.Kind, Subject.ServiceAccountKind, StringComparison.Ordinal))
        {
            var ns = Subject.Namespace.Length > 0 ? Subject.Namespace : BindingNamespace;
            return $"{Subject.Kind} \"{Subject.Name}/{ns}\"";
        }

        return $"{Subject.Kind} \"{Subject.Name}\"";
    }
}
