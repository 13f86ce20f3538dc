using EksAccess.Core.Evaluation;
using EksAccess.Core.Reporting;
using EksAccess.Core.Risks;
using EksAccess.Core.Snapshots;

namespace EksAccess.Report.Tests;

/// <summary>Writes the report of an example's snapshot to a file the browser opens with file:// (as a user would).</summary>
internal static class SeedReport
{
    public static string Write(string example, string directory)
    {
        var snapshotDirectory = Path.Combine(TestFiles.RepositoryRoot, "examples", example, "snapshot");
        var files = Directory.GetFiles(snapshotDirectory).Order(StringComparer.Ordinal).Select(p => new SnapshotFile(p, File.ReadAllText(p)));
        var model = AccessModel.Build(SnapshotLoader.Load(files).Snapshot);
        var report = AccessReportBuilder.Build(model, $"eksaccess report: {example}", RiskAnalyzer.Analyze(model, RiskOptions.Default), auditRequests: null);
        var path = Path.Combine(directory, example + ".html");
        using (var writer = new StreamWriter(path))
        {
            HtmlReportRenderer.Render(report, writer);
        }

        return path;
    }
}
