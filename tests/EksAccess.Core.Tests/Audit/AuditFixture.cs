using System.Text;
using EksAccess.Core.Audit;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Tests.Audit;

/// <summary>Reads the audit fixtures line by line as the CLI does, and the example 000 snapshot.</summary>
internal static class AuditFixture
{
    public static (List<AuditEvent> Events, List<AuthenticatorLogin> Logins, List<(int Line, string Error)> Errors) Read(string name)
    {
        var events = new List<AuditEvent>();
        var logins = new List<AuthenticatorLogin>();
        var errors = new List<(int, string)>();
        var line = new AuditLine();
        var number = 0;
        foreach (var text in TestFiles.Input("Audit", name).Split('\n'))
        {
            number++;
            AuditLineParser.Parse(Encoding.UTF8.GetBytes(text), line);
            events.AddRange(line.Events);
            logins.AddRange(line.Logins);
            if (line.Error is not null)
            {
                errors.Add((number, line.Error));
            }
        }

        return (events, logins, errors);
    }

    public static AccessModel Example000()
    {
        var directory = Path.Combine(TestFiles.RepositoryRoot, "examples", "000-developer-access", "snapshot");
        var files = Directory.GetFiles(directory).Order(StringComparer.Ordinal).Select(f => new SnapshotFile(f, File.ReadAllText(f)));
        return AccessModel.Build(SnapshotLoader.Load(files).Snapshot!);
    }
}
