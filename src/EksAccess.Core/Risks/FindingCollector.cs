using System.Collections.Immutable;

namespace EksAccess.Core.Risks;

/// <summary>Collects findings by (rule, subject, namespace): a second path to the same finding adds its principals, not a row.</summary>
internal sealed class FindingCollector
{
    private readonly Dictionary<(string Id, RiskSubject? Subject, string Namespace), Entry> _findings = new();

    public void Add(RiskFinding finding)
    {
        var key = (finding.Id, finding.Subject, finding.Namespace);
        if (!_findings.TryGetValue(key, out var entry))
        {
            _findings.Add(key, new Entry(finding));
            return;
        }

        foreach (var path in finding.Paths.Where(p => entry.Arns.Add(p.PrincipalArn)))
        {
            entry.Extra.Add(path);
        }
    }

    public ImmutableArray<RiskFinding> ToFindings() =>
    [
        .. _findings.Values
            .Select(e => e.Extra.Count == 0 ? e.First : e.First with { Paths = e.First.Paths.AddRange(e.Extra) })
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Namespace, StringComparer.Ordinal)
            .ThenBy(f => f.Subject?.ToString() ?? "", StringComparer.Ordinal),
    ];

    private sealed class Entry(RiskFinding first)
    {
        public RiskFinding First { get; } = first;

        public HashSet<string> Arns { get; } = [.. first.Paths.Select(p => p.PrincipalArn)];

        public List<PrincipalPath> Extra { get; } = [];
    }
}
