using System.CommandLine;
using EksAccess.Cli.Output;
using EksAccess.Cli.Snapshots;
using EksAccess.Core.Risks;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess risks</c>: which IAM principals can escalate, read secrets or run code, through which chain
/// (docs/reference/risk-rules.md). <c>--fail-on SEVERITY</c> exits 1 when a shown finding is at or above it.
/// </summary>
internal static class RisksCommand
{
    private static readonly StateOptions State = new();
    private static readonly Option<string> SeverityAtLeast = SeverityOption("--severity-at-least", "Show findings at or above this severity: low, medium, high or critical (default low).").AcceptOnlyFromAmong([.. RiskSeverities.Names]);
    private static readonly Option<string?> FailOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding at or above this severity is shown (for CI gates)." }.AcceptOnlyFromAmong([.. RiskSeverities.Names]);
    private static readonly Option<bool> IncludeSystem = new("--include-system") { Description = "Show the findings of the cluster's own principals (system:, eks:, nodes) instead of folding them." };
    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json, yaml or sarif (SARIF 2.1.0 for code scanning).", OutputFormat.Sarif);

    public static Command Create(CliContext context)
    {
        var command = new Command("risks", "Find which IAM principals can become cluster-admin, read secrets or run code on nodes — and through which chain.");
        State.AddTo(command);
        command.Options.Add(SeverityAtLeast);
        command.Options.Add(FailOn);
        command.Options.Add(IncludeSystem);
        command.Options.Add(Output);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                State.Read(parseResult, context),
                Parse(parseResult.GetValue(SeverityAtLeast)) ?? RiskSeverity.Low,
                Parse(parseResult.GetValue(FailOn)),
                parseResult.GetValue(IncludeSystem),
                parseResult.GetValue(Output)),
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(StateRequest State, RiskSeverity AtLeast, RiskSeverity? FailOn, bool IncludeSystem, OutputFormat Output);

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        var (model, _, options, _) = await RiskState.LoadAsync(request.State, context, cancellationToken);
        var report = RiskAnalyzer.Analyze(model, options);
        var shown = report.Visible(request.AtLeast, request.IncludeSystem);
        switch (request.Output)
        {
            case OutputFormat.Sarif:
                RisksView.WriteSarif(context.Stdout, shown);
                break;
            case OutputFormat.Json:
                RisksView.WriteJson(context.Stdout, report, shown, request.AtLeast, request.IncludeSystem);
                break;
            case OutputFormat.Yaml:
                StructuredOutput.Write(context.Stdout, request.Output, RisksView.ToJson(report, shown, request.AtLeast, request.IncludeSystem));
                break;
            default:
                RisksView.WriteTable(context.Stdout, report, shown, request.AtLeast, request.IncludeSystem);
                break;
        }

        foreach (var rule in report.NotEvaluated)
        {
            await context.Stderr.WriteLineAsync($"note: not evaluated: {rule}");
        }

        return request.FailOn is { } failOn && report.Visible(failOn, request.IncludeSystem).Length > 0 ? ExitCodes.Negative : ExitCodes.Success;
    }

    private static Option<string> SeverityOption(string name, string description) => new(name) { Description = description, DefaultValueFactory = _ => "low" };

    private static RiskSeverity? Parse(string? value) => RiskSeverities.TryParse(value, out var severity) ? severity : null;
}
