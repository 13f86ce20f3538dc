using System.Collections.Immutable;
using EksAccess.Core.Audit;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Rightsizing;
using EksAccess.Core.Snapshots;
using EksAccess.Core.Tests.Authorization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EksAccess.Core.Tests.Rightsizing;

/// <summary>
/// Over random RBAC worlds and random use by alice (groups g1, system:authenticated), rightsized as user alice + group
/// g1: the suggestion keeps every observed allowed request allowed, and never allows what the current grants did not.
/// Checked here with a fresh authorizer, not with the proof the rightsizer prints.
/// </summary>
public sealed class RightsizePropertyTests
{
    private static readonly UserInfo Alice = new("alice", ["g1", "system:authenticated"]);
    private static readonly RightsizeSubject Subject = new() { Name = "alice", Usernames = ["alice"], Groups = ["g1"] };
    private static readonly AuditWindow Window = new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(30));

    [Property(Arbitrary = [typeof(RightsizeArbitraries)], MaxTest = 300)]
    public void Suggestion_AllowsEveryObservedAllowedRequest(RightsizeCase c)
    {
        var (model, report) = Analyze(c);
        var suggested = SuggestedAuthorizer(model, report);

        foreach (var request in c.Used.Select(Evidence))
        {
            if (model.Authorizer.Authorize(AuthorizationSubject.WithoutAccessPolicies(Alice), request).Allowed)
            {
                suggested.Authorize(AuthorizationSubject.WithoutAccessPolicies(Alice), request).Allowed.ShouldBeTrue($"{request} with {c}");
            }
        }

        report.Proof.Ok.ShouldBeTrue(string.Join("\n", report.Proof.Failures) + $"\n{c}");
    }

    [Property(Arbitrary = [typeof(RightsizeArbitraries)], MaxTest = 300)]
    public void Suggestion_NeverAllowsOutsideCurrentGrants(RightsizeCase c)
    {
        var (model, report) = Analyze(c);
        var suggested = SuggestedAuthorizer(model, report);

        foreach (var request in c.Probes.Concat(c.Used))
        {
            if (suggested.Authorize(AuthorizationSubject.WithoutAccessPolicies(Alice), request).Allowed)
            {
                model.Authorizer.Authorize(AuthorizationSubject.WithoutAccessPolicies(Alice), request).Allowed.ShouldBeTrue($"{request} with {c}");
            }
        }
    }

    private static (AccessModel Model, RightsizeReport Report) Analyze(RightsizeCase c)
    {
        var world = c.World;
        var model = AccessModel.Build(new ClusterSnapshot
        {
            Roles = world.Roles,
            ClusterRoles = world.ClusterRoles,
            RoleBindings = world.RoleBindings,
            ClusterRoleBindings = world.ClusterRoleBindings,
        });
        var evidence = new RightsizeEvidence(Subject);
        var n = 0;
        foreach (var request in c.Used)
        {
            evidence.Add(Event(request, n++));
        }

        return (model, Rightsizer.Analyze(model, Subject, evidence, Window, minRequests: 0));
    }

    /// <summary>The snapshot without alice and g1 in any binding, plus the suggested objects.</summary>
    private static KubernetesAuthorizer SuggestedAuthorizer(AccessModel model, RightsizeReport report)
    {
        var s = model.Snapshot;
        bool Mine(Subject subject) => subject.Kind switch
        {
            Core.Authorization.Subject.UserKind => subject.Name == "alice",
            Core.Authorization.Subject.GroupKind => subject.Name == "g1",
            _ => false,
        };
        return KubernetesAuthorizer.ForSnapshot(s with
        {
            Roles = s.Roles.AddRange(report.Suggestion.Roles),
            ClusterRoles = s.ClusterRoles.AddRange(report.Suggestion.ClusterRoles),
            RoleBindings = [.. s.RoleBindings.Select(b => b with { Subjects = [.. b.Subjects.Where(x => !Mine(x))] }), .. report.Suggestion.RoleBindings],
            ClusterRoleBindings = [.. s.ClusterRoleBindings.Select(b => b with { Subjects = [.. b.Subjects.Where(x => !Mine(x))] }), .. report.Suggestion.ClusterRoleBindings],
        });
    }

    private static AccessRequest Evidence(AccessRequest request) => RightsizeEvidence.RequestOf(Event(request, 0));

    private static AuditEvent Event(AccessRequest request, int n) => new()
    {
        Time = Window.Since.AddMinutes(n + 1),
        AuditId = $"id-{n}",
        Stage = AuditStages.ResponseComplete,
        Username = Alice.Name,
        Groups = Alice.Groups,
        Verb = request.Verb,
        ApiGroup = request.Path is null ? request.ApiGroup : null,
        Resource = request.Path is null ? request.Resource : null,
        Subresource = request.Path is null && request.Subresource.Length > 0 ? request.Subresource : null,
        Name = request.Path is null && request.Name.Length > 0 ? request.Name : null,
        Namespace = request.Path is null && request.Namespace.Length > 0 ? request.Namespace : null,
        NonResourceUrl = request.Path,
        Decision = "allow",
        Reason = "RBAC: allowed by ClusterRoleBinding \"x\" of ClusterRole \"y\" to Group \"g1\"",
    };
}

/// <summary>A world, what alice did in it, and other requests to ask the suggestion.</summary>
public sealed record RightsizeCase(RbacWorld World, ImmutableArray<AccessRequest> Used, ImmutableArray<AccessRequest> Probes)
{
    public override string ToString() => $"{World} used=[{string.Join("; ", Used)}] probes=[{string.Join("; ", Probes)}]";
}

public static class RightsizeArbitraries
{
    private static readonly Gen<AccessRequest> Exec =
        from verb in Gen.Elements("get", "create")
        from sub in Gen.Elements("exec", "attach", "portforward")
        from name in Gen.Elements("x", "y")
        from ns in Gen.Elements("a", "b")
        select AccessRequest.ForResource(verb, "", "pods", sub, name, ns);

    private static readonly Gen<AccessRequest> Request = Gen.Frequency((6, RbacGenerators.Request), (1, Exec));

    /// <summary>kube-apiserver never asks for a literal <c>*</c> verb, group or resource (RightsizeEvidence leaves them out).</summary>
    private static bool Real(AccessRequest r) => r.Verb != "*" && (r.Path is not null || (r.ApiGroup != "*" && r.Resource != "*" && r.Subresource != "*"));

    public static Arbitrary<RightsizeCase> Case() =>
        (from world in RbacGenerators.World
         from used in Gen.Choose(1, 8).SelectMany(k => Gen.ListOf(Request.Where(Real), k))
         from probes in Gen.ListOf(Request, 20)
         select new RightsizeCase(world, [.. used], [.. probes])).ToArbitrary();
}
