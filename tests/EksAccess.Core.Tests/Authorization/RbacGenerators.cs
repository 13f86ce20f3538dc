using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using FsCheck;
using FsCheck.Fluent;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Tests.Authorization;

/// <summary>A small random RBAC world: few names, so subjects, roles and requests collide often.</summary>
public sealed record RbacWorld(
    ImmutableArray<Role> Roles,
    ImmutableArray<ClusterRole> ClusterRoles,
    ImmutableArray<RoleBinding> RoleBindings,
    ImmutableArray<ClusterRoleBinding> ClusterRoleBindings)
{
    public RbacAuthorizer Indexed() => new(Roles, ClusterRoles, RoleBindings, ClusterRoleBindings);

    public ReferenceRbacAuthorizer Reference() => new(Roles, ClusterRoles, RoleBindings, ClusterRoleBindings);

    public override string ToString() =>
        $"roles=[{string.Join("; ", Roles.Select(r => $"{r.Namespace}/{r.Name}:{Rules(r.Rules)}"))}] " +
        $"clusterRoles=[{string.Join("; ", ClusterRoles.Select(r => $"{r.Name}:{Rules(r.Rules)}"))}] " +
        $"roleBindings=[{string.Join("; ", RoleBindings.Select(b => $"{b.Namespace}/{b.Name}->{b.RoleRef.Kind}/{b.RoleRef.Name}:{Subjects(b.Subjects)}"))}] " +
        $"clusterRoleBindings=[{string.Join("; ", ClusterRoleBindings.Select(b => $"{b.Name}->{b.RoleRef.Kind}/{b.RoleRef.Name}:{Subjects(b.Subjects)}"))}]";

    private static string Rules(ImmutableArray<PolicyRule> rules) => string.Join(",", rules.Select(r =>
        $"{{v={string.Join('|', r.Verbs)} g={string.Join('|', r.ApiGroups)} r={string.Join('|', r.Resources)} n={string.Join('|', r.ResourceNames)} u={string.Join('|', r.NonResourceUrls)}}}"));

    private static string Subjects(ImmutableArray<Subject> subjects) => string.Join(",", subjects.Select(s => $"{s.Kind}:{s.Name}:{s.Namespace}"));
}

/// <summary>A world, a user and a request.</summary>
public sealed record RbacCase(RbacWorld World, UserInfo User, AccessRequest Request)
{
    public override string ToString() => $"{World} user={User.Name}[{string.Join(",", User.Groups)}] request={Request}";
}

/// <summary>A case plus one more binding.</summary>
public sealed record RbacCaseWithExtraBinding(RbacCase Case, RoleBinding? ExtraRoleBinding, ClusterRoleBinding? ExtraClusterRoleBinding)
{
    public override string ToString() => $"{Case} +rb={ExtraRoleBinding} +crb={ExtraClusterRoleBinding}";
}

/// <summary>A rule, a request and a verb.</summary>
public sealed record RuleCase(PolicyRule Rule, AccessRequest Request, string Verb);

public static class RbacGenerators
{
    private static readonly string[] Namespaces = ["a", "b"];

    public static Gen<ImmutableArray<string>> SubsetOf(params string[] items) => Gen.SubListOf(items).Select(l => l.ToImmutableArray());

    /// <summary>Mostly non-empty subsets (an empty list is legal but grants nothing).</summary>
    public static Gen<ImmutableArray<string>> SomeOf(params string[] items) =>
        Gen.Frequency((1, SubsetOf(items)), (6, SubsetOf(items).Where(l => !l.IsEmpty)));

    public static Gen<PolicyRule> ResourceRule { get; } =
        from verbs in SomeOf("get", "list", "create", "*")
        from groups in SomeOf("", "apps", "*")
        from resources in SomeOf("pods", "pods/log", "*/log", "pods/*", "*", "deployments", "namespaces")
        from names in Gen.Frequency((3, Gen.Constant(ImmutableArray<string>.Empty)), (1, SubsetOf("x", "y")))
        select new PolicyRule(verbs, groups, resources, names, []);

    public static Gen<PolicyRule> PathRule { get; } =
        from verbs in SomeOf("get", "post", "*")
        from urls in SomeOf("/healthz", "/api/*", "*", "/api")
        select new PolicyRule(verbs, [], [], [], urls);

    public static Gen<PolicyRule> Rule { get; } = Gen.Frequency((4, ResourceRule), (1, PathRule));

    public static Gen<ImmutableArray<PolicyRule>> Rules { get; } = Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3))).SelectMany(n => Gen.ListOf(Rule, n)).Select(l => l.ToImmutableArray());

    public static Gen<Subject> Subject { get; } = Gen.OneOf(
        Gen.Elements("alice", "alice", "bob", "*", "system:serviceaccount:a:sa1").Select(n => new Subject(Core.Authorization.Subject.UserKind, n)),
        Gen.Elements("g1", "g2", "system:authenticated").Select(n => new Subject(Core.Authorization.Subject.GroupKind, n)),
        from name in Gen.Elements("sa1", "sa2")
        from ns in Gen.Elements("", "a", "b")
        select new Subject(Core.Authorization.Subject.ServiceAccountKind, name, ns),
        Gen.Constant(new Subject("Foo", "alice")));

    public static Gen<ImmutableArray<Subject>> Subjects { get; } = Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3))).SelectMany(n => Gen.ListOf(Subject, n)).Select(l => l.ToImmutableArray());

    public static Gen<RoleRef> RoleRef { get; } = Gen.Frequency(
        (4, Gen.Elements("r1", "r2").Select(n => new RoleRef(Core.Authorization.RoleRef.RoleKind, n))),
        (4, Gen.Elements("c1", "c2", "c3").Select(n => new RoleRef(Core.Authorization.RoleRef.ClusterRoleKind, n))),
        (1, from kind in Gen.Elements(Core.Authorization.RoleRef.RoleKind, Core.Authorization.RoleRef.ClusterRoleKind, "Foo")
            from name in Gen.Elements("r1", "c1", "missing")
            select new RoleRef(kind, name)));

    public static Gen<Role> Role { get; } =
        from ns in Gen.Elements(Namespaces)
        from name in Gen.Elements("r1", "r2")
        from rules in Rules
        select new Role(ns, name, rules);

    public static Gen<ClusterRole> ClusterRole { get; } =
        from name in Gen.Elements("c1", "c2", "c3")
        from rules in Rules
        select new ClusterRole(name, rules);

    public static Gen<RoleBinding> RoleBinding { get; } =
        from ns in Gen.Elements(Namespaces)
        from name in Gen.Elements("rb1", "rb2", "rb3")
        from roleRef in RoleRef
        from subjects in Subjects
        select new RoleBinding(ns, name, roleRef, subjects);

    public static Gen<ClusterRoleBinding> ClusterRoleBinding { get; } =
        from name in Gen.Elements("crb1", "crb2", "crb3")
        from roleRef in RoleRef
        from subjects in Subjects
        select new ClusterRoleBinding(name, roleRef, subjects);

    public static Gen<RbacWorld> World { get; } =
        from roles in ListOf(Role, 5)
        from clusterRoles in ListOf(ClusterRole, 4)
        from roleBindings in ListOf(RoleBinding, 10)
        from clusterRoleBindings in ListOf(ClusterRoleBinding, 4)
        select new RbacWorld(roles, clusterRoles, roleBindings, clusterRoleBindings);

    public static Gen<UserInfo> User { get; } =
        from name in Gen.Elements("alice", "alice", "bob", "*", "system:serviceaccount:a:sa1", "system:serviceaccount:b:sa2")
        from groups in SubsetOf("g1", "g2", "system:authenticated", "system:authenticated")
        select new UserInfo(name, groups);

    public static Gen<AccessRequest> ResourceRequest { get; } =
        from verb in Gen.Elements("get", "get", "get", "list", "create", "*", "delete")
        from apiGroup in Gen.Elements("", "", "", "apps", "*")
        from resource in Gen.Elements("pods", "pods", "pods", "deployments", "namespaces", "*", "nodes")
        from subresource in Gen.Elements("", "", "", "", "", "log", "*", "status")
        from name in Gen.Elements("", "", "", "x", "y")
        from ns in Gen.Elements("", "a", "a", "b", "c")
        select AccessRequest.ForResource(verb, apiGroup, resource, subresource, name, ns);

    public static Gen<AccessRequest> PathRequest { get; } =
        from verb in Gen.Elements("get", "post")
        from path in Gen.Elements("/healthz", "/api", "/api/v1", "/apis")
        from ns in Gen.Elements("", "", "a")
        select new AccessRequest { Verb = verb, Path = path, Namespace = ns };

    public static Gen<AccessRequest> Request { get; } = Gen.Frequency((4, ResourceRequest), (1, PathRequest));

    public static Gen<RbacCase> RandomCase { get; } =
        from world in World
        from user in User
        from request in Request
        select new RbacCase(world, user, request);

    /// <summary>A case aimed at one binding of the world: its first subject asks for something one of its rules names.</summary>
    public static Gen<RbacCase> AimedCase { get; } =
        from random in RandomCase
        from pick in Gen.Choose(0, 10_000)
        select Aim(random, pick);

    public static Gen<RbacCase> Case { get; } = Gen.Frequency((1, RandomCase), (1, AimedCase));

    private static RbacCase Aim(RbacCase random, int pick)
    {
        var world = random.World;
        var bindings = world.ClusterRoleBindings.Select(b => (Namespace: "", b.RoleRef, b.Subjects))
            .Concat(world.RoleBindings.Select(b => (b.Namespace, b.RoleRef, b.Subjects)))
            .Where(b => !b.Subjects.IsEmpty)
            .ToList();
        if (bindings.Count == 0)
        {
            return random;
        }

        var binding = bindings[pick % bindings.Count];
        var subject = binding.Subjects[pick % binding.Subjects.Length];
        var groups = random.User.Groups;
        var user = subject.Kind switch
        {
            Core.Authorization.Subject.UserKind => new UserInfo(subject.Name, groups),
            Core.Authorization.Subject.GroupKind => new UserInfo(random.User.Name, groups.Add(subject.Name)),
            Core.Authorization.Subject.ServiceAccountKind =>
                new UserInfo($"system:serviceaccount:{(subject.Namespace.Length > 0 ? subject.Namespace : binding.Namespace)}:{subject.Name}", groups),
            _ => random.User,
        };
        var rules = string.Equals(binding.RoleRef.Kind, Core.Authorization.RoleRef.RoleKind, StringComparison.Ordinal)
            ? world.Roles.FirstOrDefault(r => string.Equals(r.Namespace, binding.Namespace, StringComparison.Ordinal) && string.Equals(r.Name, binding.RoleRef.Name, StringComparison.Ordinal))?.Rules
            : world.ClusterRoles.FirstOrDefault(r => string.Equals(r.Name, binding.RoleRef.Name, StringComparison.Ordinal))?.Rules;
        if (rules is not { IsEmpty: false } found)
        {
            return random with { User = user };
        }

        var rule = found[pick % found.Length];
        var verb = rule.Verbs.IsEmpty ? "get" : rule.Verbs[pick % rule.Verbs.Length];
        var ns = binding.Namespace.Length > 0 ? binding.Namespace : random.Request.Namespace;
        if (!rule.NonResourceUrls.IsEmpty)
        {
            var url = rule.NonResourceUrls[pick % rule.NonResourceUrls.Length].Replace("*", "x", StringComparison.Ordinal);
            return new RbacCase(world, user, AccessRequest.ForPath(verb, url.StartsWith('/') ? url : "/" + url));
        }

        var group = rule.ApiGroups.IsEmpty ? "" : rule.ApiGroups[pick % rule.ApiGroups.Length];
        var entry = rule.Resources.IsEmpty ? "pods" : rule.Resources[pick % rule.Resources.Length];
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var resource = slash < 0 ? entry : entry[..slash];
        var subresource = slash < 0 ? "" : entry[(slash + 1)..];
        var name = rule.ResourceNames.IsEmpty ? random.Request.Name : rule.ResourceNames[pick % rule.ResourceNames.Length];
        return new RbacCase(world, user, AccessRequest.ForResource(verb, group, string.Equals(resource, "*", StringComparison.Ordinal) && pick % 2 == 0 ? "pods" : resource, subresource, name, ns));
    }

    private static Gen<ImmutableArray<T>> ListOf<T>(Gen<T> item, int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.ListOf(item, n)).Select(l => l.ToImmutableArray());
}

/// <summary>FsCheck arbitraries for the property tests.</summary>
public static class RbacArbitraries
{
    public static Arbitrary<RbacCase> Case() => RbacGenerators.Case.ToArbitrary();

    public static Arbitrary<RbacCaseWithExtraBinding> CaseWithExtraBinding() =>
        (from c in RbacGenerators.Case
         from useClusterBinding in Gen.Elements(true, false)
         from rb in RbacGenerators.RoleBinding
         from crb in RbacGenerators.ClusterRoleBinding
         select new RbacCaseWithExtraBinding(c, useClusterBinding ? null : rb, useClusterBinding ? crb : null)).ToArbitrary();

    public static Arbitrary<RuleCase> RuleCase() =>
        (from rule in RbacGenerators.Rule
         from request in RbacGenerators.Request
         from verb in Gen.Elements("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "escalate", "post", "*")
         select new RuleCase(rule, request, verb)).ToArbitrary();
}
