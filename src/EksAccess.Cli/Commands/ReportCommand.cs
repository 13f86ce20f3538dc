using System.CommandLine;
using EksAccess.Cli.Files;
using EksAccess.Cli.Snapshots;
using EksAccess.Core.Reporting;
using EksAccess.Core.Risks;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess report</c>: one self-contained HTML page — heat map, a page per principal, the risks with filters and a
/// search box — on stdout, or written atomically to <c>--output-file</c>.
/// </summary>
internal static class ReportCommand
{
    private static readonly StateOptions State = new();
    private static readonly Option<string?> OutputFile = new("--output-file") { Description = "Write the page to this file (atomically) instead of stdout." };

    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Write a self-contained HTML report: principals × namespaces heat map, a page per principal, risks, search.");
        State.AddTo(command);
        command.Options.Add(OutputFile);
        command.SetAction((parseResult, cancellationToken) => RunAsync(State.Read(parseResult, context), parseResult.GetValue(OutputFile), context, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(StateRequest state, string? outputFile, CliContext context, CancellationToken cancellationToken)
    {
        var (model, _, options, usage) = await RiskState.LoadAsync(state, context, cancellationToken);
        var risks = RiskAnalyzer.Analyze(model, options);
        var name = model.Snapshot.Cluster?.Name is { Length: > 0 } cluster ? cluster : "cluster";
        var report = AccessReportBuilder.Build(model, $"eksaccess report: {name}", risks, usage?.Requests);
        await ReportWriter.WriteAsync(report, outputFile, context, cancellationToken);
        return ExitCodes.Success;
    }
}
