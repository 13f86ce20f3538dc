using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Tests.Authorization;

/// <summary>Small builders for RBAC objects and requests, and a check that runs both authorizers.</summary>
internal static class Rbac
{
    public static PolicyRule Rule(string[] groups, string[] resources, string[] verbs, string[]? names = null) =>
        PolicyRule.ForResources(groups, resources, verbs, names);

    public static PolicyRule PathRule(string[] urls, string[] verbs) => PolicyRule.ForNonResourceUrls(urls, verbs);

    public static Role Role(string ns, string name, params PolicyRule[] rules) => new(ns, name, [.. rules]);

    public static ClusterRole ClusterRole(string name, params PolicyRule[] rules) => new(name, [.. rules]);

    public static Subject User(string name) => new(Subject.UserKind, name);

    public static Subject Group(string name) => new(Subject.GroupKind, name);

    public static Subject ServiceAccount(string name, string ns = "") => new(Subject.ServiceAccountKind, name, ns);

    public static RoleBinding RoleBinding(string ns, string name, RoleRef roleRef, params Subject[] subjects) => new(ns, name, roleRef, [.. subjects]);

    public static ClusterRoleBinding ClusterRoleBinding(string name, RoleRef roleRef, params Subject[] subjects) => new(name, roleRef, [.. subjects]);

    public static RoleRef ToRole(string name) => new(RoleRef.RoleKind, name);

    public static RoleRef ToClusterRole(string name) => new(RoleRef.ClusterRoleKind, name);

    public static UserInfo UserOf(string name, params string[] groups) => new(name, [.. groups]);

    public static AccessRequest Request(string verb, string resource, string ns = "", string group = "", string subresource = "", string name = "") =>
        AccessRequest.ForResource(verb, group, resource, subresource, name, ns);

    public static AccessRequest Path(string verb, string path) => AccessRequest.ForPath(verb, path);

    /// <summary>A snapshot of RBAC objects, answered by the indexed and the reference authorizer, which must agree.</summary>
    public sealed class Snapshot
    {
        public List<Role> Roles { get; } = [];

        public List<ClusterRole> ClusterRoles { get; } = [];

        public List<RoleBinding> RoleBindings { get; } = [];

        public List<ClusterRoleBinding> ClusterRoleBindings { get; } = [];

        public Snapshot With(params object[] objects)
        {
            foreach (var o in objects)
            {
                switch (o)
                {
                    case Role r: Roles.Add(r); break;
                    case ClusterRole c: ClusterRoles.Add(c); break;
                    case RoleBinding rb: RoleBindings.Add(rb); break;
                    case ClusterRoleBinding crb: ClusterRoleBindings.Add(crb); break;
                    default: throw new ArgumentException($"not an RBAC object: {o}", nameof(objects));
                }
            }

            return this;
        }

        public RbacAuthorizer Indexed() => new(Roles, ClusterRoles, RoleBindings, ClusterRoleBindings);

        public ReferenceRbacAuthorizer Reference() => new(Roles, ClusterRoles, RoleBindings, ClusterRoleBindings);

        public Decision Authorize(UserInfo user, AccessRequest request)
        {
            var indexed = Indexed().Authorize(user, request);
            var reference = Reference().Authorize(user, request);
            indexed.Allowed.ShouldBe(reference.Allowed, "indexed and reference authorizers disagree");
            indexed.Reason.ShouldBe(reference.Reason);
            indexed.Notes.ShouldBe(reference.Notes);
            return indexed;
        }

        public bool Allows(UserInfo user, AccessRequest request) => Authorize(user, request).Allowed;
    }

    public static ImmutableArray<string> List(params string[] items) => [.. items];
}
