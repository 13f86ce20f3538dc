using EksAccess.KubeStub;
using YamlDotNet.RepresentationModel;

namespace EksAccess.Cli.Tests.Deploy;

/// <summary>
/// The rules deploy/kubernetes grants its ServiceAccount, evaluated as RBAC does (union of allow rules; a rule matches
/// when its apiGroups, resources, verbs and resourceNames all match; Role rules only in their namespace), so the API
/// stub can refuse (403) what the job's RBAC would not allow.
/// </summary>
internal sealed class RbacRules
{
    private readonly List<(string? Namespace, string[] Groups, string[] Resources, string[] Verbs, string[] Names)> _rules = [];

    public static RbacRules For(DeployManifests manifests, string serviceAccount, string @namespace)
    {
        var rbac = new RbacRules();
        foreach (var binding in manifests.OfKind("ClusterRoleBinding").Concat(manifests.OfKind("RoleBinding")))
        {
            var subjects = ((YamlSequenceNode)DeployManifests.Node(binding, "subjects")!).Children.Cast<YamlMappingNode>();
            if (!subjects.Any(s => DeployManifests.Text(s, "kind") == "ServiceAccount" && DeployManifests.Text(s, "name") == serviceAccount && DeployManifests.Text(s, "namespace") == @namespace))
            {
                continue;
            }

            var roleKind = DeployManifests.Text(binding, "roleRef", "kind")!;
            var bindingNamespace = DeployManifests.Text(binding, "metadata", "namespace");
            var role = manifests.Get(roleKind, DeployManifests.Text(binding, "roleRef", "name")!);
            foreach (var rule in ((YamlSequenceNode)DeployManifests.Node(role, "rules")!).Children)
            {
                rbac._rules.Add((
                    bindingNamespace,
                    DeployManifests.Strings(DeployManifests.Node(rule, "apiGroups")),
                    DeployManifests.Strings(DeployManifests.Node(rule, "resources")),
                    DeployManifests.Strings(DeployManifests.Node(rule, "verbs")),
                    DeployManifests.Strings(DeployManifests.Node(rule, "resourceNames"))));
            }
        }

        return rbac;
    }

    /// <summary>Every (verb, group/resource, namespace, name) the rules grant, as "verb resource.group [ns/name]" for messages.</summary>
    public IEnumerable<string> Grants() => _rules.SelectMany(r =>
        from verb in r.Verbs
        from resource in r.Resources
        from g in r.Groups
        select Describe(verb, g, resource, r.Namespace, r.Names.Length == 0 ? null : string.Join('|', r.Names)));

    public bool Allows(StubRequest request)
    {
        if (request.Resource is not { } resource)
        {
            return true; // discovery: every authenticated user may read it (system:discovery)
        }

        return _rules.Any(r =>
            (r.Namespace is null || r.Namespace == request.Namespace)
            && r.Groups.Contains(resource.Group)
            && r.Resources.Contains(resource.Plural)
            && r.Verbs.Contains(request.Verb)
            && (r.Names.Length == 0 || (request.Name is not null && r.Names.Contains(request.Name))));
    }

    /// <summary>The grant a request used, in the same form as <see cref="Grants"/>.</summary>
    public string? GrantUsedBy(StubRequest request)
    {
        if (request.Resource is not { } resource)
        {
            return null;
        }

        var rule = _rules.FirstOrDefault(r =>
            (r.Namespace is null || r.Namespace == request.Namespace)
            && r.Groups.Contains(resource.Group) && r.Resources.Contains(resource.Plural) && r.Verbs.Contains(request.Verb)
            && (r.Names.Length == 0 || (request.Name is not null && r.Names.Contains(request.Name))));
        return rule.Verbs is null ? null : Describe(request.Verb, resource.Group, resource.Plural, rule.Namespace, rule.Names.Length == 0 ? null : string.Join('|', rule.Names));
    }

    private static string Describe(string verb, string group, string resource, string? ns, string? names) =>
        $"{verb} {(group.Length == 0 ? resource : $"{resource}.{group}")}{(ns is null ? "" : $" -n {ns}")}{(names is null ? "" : $" {names}")}";
}
