using BenchmarkDotNet.Attributes;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;

namespace EksAccess.Benchmarks;

/// <summary>Targets: Authorize ≤ 2 µs median, SubjectsAllowed ≤ 50 ms, on <see cref="LargeRbacSnapshot"/>.</summary>
[MemoryDiagnoser]
public class RbacAuthorizerBenchmarks
{
    private static readonly UserInfo Developer = new("user-1234", ["group-17", "group-2000", "system:authenticated"]);
    private static readonly UserInfo ServiceAccount = new("system:serviceaccount:team-700:sa-3", ["system:serviceaccounts", "system:serviceaccounts:team-700", "system:authenticated"]);

    private static readonly AccessRequest AllowedInNamespace = AccessRequest.ForResource("list", "", "pods", @namespace: "team-700");
    private static readonly AccessRequest DeniedInNamespace = AccessRequest.ForResource("delete", "", "secrets", name: "db", @namespace: "team-700");
    private static readonly AccessRequest ClusterScoped = AccessRequest.ForResource("list", "", "nodes");

    private LargeRbacSnapshot _snapshot = null!;
    private RbacAuthorizer _authorizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = new LargeRbacSnapshot();
        _authorizer = _snapshot.Build();
    }

    [Benchmark]
    public bool AuthorizeServiceAccountAllowed() => _authorizer.Authorize(ServiceAccount, AllowedInNamespace).Allowed;

    [Benchmark]
    public bool AuthorizeDeveloperDenied() => _authorizer.Authorize(Developer, DeniedInNamespace).Allowed;

    [Benchmark]
    public bool AuthorizeClusterScopedDenied() => _authorizer.Authorize(Developer, ClusterScoped).Allowed;

    [Benchmark]
    public int SubjectsAllowedInNamespace() => _authorizer.SubjectsAllowed(AllowedInNamespace).Count();

    [Benchmark]
    public int SubjectsAllowedClusterWide() => _authorizer.SubjectsAllowed(ClusterScoped).Count();

    [Benchmark]
    public RbacAuthorizer BuildIndex() => _snapshot.Build();
}
