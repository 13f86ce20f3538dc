using System.Text;
using EksAccess.Core.Audit;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Rightsizing;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Tests.Rightsizing;

/// <summary>The example snapshots and the rightsize logs (Inputs/Rightsize/make-logs.py), read as the CLI reads them.</summary>
internal static class RightsizeFixture
{
    public static readonly AuditWindow TwoWeeks = new(DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-11-20T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public static AccessModel Example(string name)
    {
        var directory = Path.Combine(TestFiles.RepositoryRoot, "examples", name, "snapshot");
        var files = Directory.GetFiles(directory).Order(StringComparer.Ordinal).Select(f => new SnapshotFile(f, File.ReadAllText(f)));
        return AccessModel.Build(SnapshotLoader.Load(files).Snapshot!);
    }

    public static RightsizeEvidence Evidence(RightsizeSubject subject, string log, AuditWindow window)
    {
        var evidence = new RightsizeEvidence(subject);
        var dedup = new AuditDeduplicator();
        var line = new AuditLine();
        foreach (var text in TestFiles.Input("Rightsize", log).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            AuditLineParser.Parse(Encoding.UTF8.GetBytes(text), line);
            foreach (var auditEvent in line.Events)
            {
                if (dedup.Accept(auditEvent) && window.Contains(auditEvent.Time))
                {
                    evidence.Add(auditEvent);
                }
            }
        }

        return evidence;
    }

    public static RightsizeReport Run(string example, RightsizeSubject subject, string log, AuditWindow? window = null, int minRequests = Rightsizer.DefaultMinRequests)
    {
        window ??= TwoWeeks;
        return Rightsizer.Analyze(Example(example), subject, Evidence(subject, log, window), window, minRequests);
    }
}
