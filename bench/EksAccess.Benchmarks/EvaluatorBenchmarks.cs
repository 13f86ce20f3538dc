using BenchmarkDotNet.Attributes;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Snapshots;
using YamlDotNet.RepresentationModel;
using EksAccess.Core.Authentication;

namespace EksAccess.Benchmarks;

/// <summary>
/// The issue-3 targets on the large generated snapshot (2,000 namespaces, 20,000 Roles, 50,000 RoleBindings,
/// 5,000 ClusterRoles, 10,000 access entries, 10,000 aws-auth entries): load + index ≤ 2× a bare YamlDotNet parse,
/// one can-i ≤ 2 µs, who-can ≤ 50 ms, a 1,000 × 100 × 20 matrix ≤ 2 s.
/// </summary>
[MemoryDiagnoser]
public class EvaluatorBenchmarks
{
    private SnapshotFile[] _files = [];
    private AccessModel _model = null!;
    private AuthorizationSubject _subject = null!;
    private AccessRequest _namespacedRequest = null!;
    private AccessRequest _whoCanRequest = null!;
    private string[] _matrixPrincipals = [];
    private string[] _matrixNamespaces = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = LargeSnapshot.Files();
        _model = AccessModel.Build(SnapshotLoader.Load(_files).Snapshot);
        var principal = _model.Identities.KnownPrincipals().Select(p => p.Resolution).OfType<IdentityResolution.Mapped>().Skip(17).First();
        _subject = new AuthorizationSubject(new UserInfo(principal.Username, principal.Groups), principal.Entry?.AssociatedAccessPolicies ?? []);
        _namespacedRequest = AccessRequest.ForResource("create", "apps", "deployments", "", "", "ns-0042");
        _whoCanRequest = AccessRequest.ForResource("get", "", "secrets", "", "", "ns-0042");
        _matrixPrincipals = [.. _model.Identities.KnownPrincipals().Take(1000).Select(p => p.Principal)];
        _matrixNamespaces = [.. _model.Snapshot.Namespaces.Take(100).Select(n => n.Name)];
    }

    [Benchmark(Baseline = true, Description = "parse only (YamlStream.Load)")]
    public int ParseOnly()
    {
        var documents = 0;
        foreach (var file in _files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Text));
            documents += stream.Documents.Count;
        }

        return documents;
    }

    [Benchmark(Description = "load + index")]
    public AccessModel LoadAndIndex() => AccessModel.Build(SnapshotLoader.Load(_files).Snapshot);

    [Benchmark(Description = "one can-i")]
    public bool CanI() => _model.Authorizer.Authorize(_subject, _namespacedRequest).Allowed;

    [Benchmark(Description = "who-can (whole snapshot)")]
    public int WhoCanAll() => WhoCan.Find(_model, _whoCanRequest).Length;

    [Benchmark(Description = "matrix 1000 x 100 x 20")]
    public int Matrix() => AccessMatrix.Compute(_model, _matrixPrincipals, _matrixNamespaces, actions: null).Principals.Length;
}
