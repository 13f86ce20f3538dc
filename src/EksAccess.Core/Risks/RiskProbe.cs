using EksAccess.Core.Authorization;

namespace EksAccess.Core.Risks;

/// <summary>
/// One request a rule asks the evaluator about. <see cref="ClusterScoped"/> resources are asked once with no namespace
/// (a RoleBinding never grants them); <see cref="NamespaceIsName"/> asks about the Namespace object itself (its
/// requests carry namespace = name, so a RoleBinding in N can grant it for N).
/// </summary>
public sealed record RiskProbe(string Verb, string ApiGroup, string Resource, string Subresource = "", string Name = "")
{
    public bool ClusterScoped { get; init; }

    public bool NamespaceIsName { get; init; }

    public AccessRequest In(string @namespace) =>
        ClusterScoped ? AccessRequest.ForResource(Verb, ApiGroup, Resource, Subresource, Name, "")
        : NamespaceIsName ? AccessRequest.ForResource(Verb, ApiGroup, Resource, Subresource, @namespace, @namespace)
        : AccessRequest.ForResource(Verb, ApiGroup, Resource, Subresource, Name, @namespace);

    /// <summary>As a can-i line: <c>get nodes/proxy</c>, <c>update configmaps.""/aws-auth</c>.</summary>
    public string Label
    {
        get
        {
            var resource = ApiGroup.Length == 0 ? Resource : $"{Resource}.{ApiGroup}";
            var sub = Subresource.Length == 0 ? "" : "/" + Subresource;
            var name = Name.Length == 0 ? "" : " " + Name;
            return $"{Verb} {resource}{sub}{name}";
        }
    }
}
