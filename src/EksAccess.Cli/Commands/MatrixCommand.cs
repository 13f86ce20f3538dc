using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Cli.Output;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Authentication;
using EksAccess.Core.Reporting;

namespace EksAccess.Cli.Commands;

/// <summary><c>eksaccess matrix</c>: principals × namespaces × common actions, as a table, JSON/YAML or an HTML page.</summary>
internal static class MatrixCommand
{
    private static readonly Option<string[]> Principals = new("--principals") { Description = "Principals (comma-separated or repeated): ARNs, or with -f user or role names the config defines; default: every principal the snapshot maps.", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string?> SessionName = new("--session-name") { Description = "Session name for principals that are roles (default EKSGetTokenAuth)." };
    private static readonly Option<string[]> Namespaces = new("--namespaces") { Description = "Namespaces (comma-separated or repeated); default: every namespace of the snapshot.", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<string?> File = GlobalOptions.CreateOptionalFile();
    private static readonly Option<bool> NoDefaultRoles = GlobalOptions.CreateNoDefaultRoles();

    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json, yaml or html (a self-contained page).", OutputFormat.Html);
    private static readonly Option<string?> At = AtOption.Create();

    public static Command Create(CliContext context)
    {
        var command = new Command("matrix", "Show principals × namespaces × common actions.")
        {
            Principals, SessionName, Namespaces, Snapshot, File, NoDefaultRoles, Output, At,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                Split(parseResult.GetValue(Principals)),
                Split(parseResult.GetValue(Namespaces)),
                parseResult.GetValue(Snapshot),
                parseResult.GetValue(File),
                !parseResult.GetValue(NoDefaultRoles),
                parseResult.GetValue(Output))
            {
                SessionName = parseResult.GetValue(SessionName),
                At = AtOption.Parse(parseResult.GetValue(At), context.Time),
            },
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(IReadOnlyList<string>? Principals, IReadOnlyList<string>? Namespaces, string? Snapshot, string? File, bool IncludeDefaultRoles, OutputFormat Output)
    {
        public string? SessionName { get; init; }

        /// <summary>--at: the state the config creates at that instant; null: as written.</summary>
        public DateTimeOffset? At { get; init; }
    }

    internal static Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (model, config) = ModelLoader.LoadWithConfig(request.Snapshot, request.File, request.IncludeDefaultRoles, context.Stderr, request.At);
        var principals = request.Principals?.Select(p => PrincipalArgument.Resolve(p, "--principals", config)).ToList();
        var matrix = AccessMatrix.Compute(model, principals, request.Namespaces, actions: null, request.SessionName);
        if (matrix.Principals.Length == 0 || matrix.Namespaces.Length == 0)
        {
            // An empty table would read as "nobody may do anything"; say why there is nothing to show.
            var what = matrix.Principals.Length == 0
                ? "no principals: the state maps no IAM principal (no access entry, no aws-auth mapping) — give --principals ARN"
                : "no namespaces to show — give --namespaces NS";
            context.Stderr.WriteLine($"warning: {what}");
        }

        switch (request.Output)
        {
            case OutputFormat.Html:
                // The report's page, without the risks: the same heat map, explanations, principal pages and search.
                HtmlReportRenderer.Render(AccessReportBuilder.Build(model, "eksaccess matrix", risks: null, auditRequests: null, principals, request.Namespaces), context.Stdout);
                break;
            case OutputFormat.Json or OutputFormat.Yaml:
                StructuredOutput.Write(context.Stdout, request.Output, ToJson(matrix));
                break;
            default:
                WriteTable(context.Stdout, matrix);
                break;
        }

        return Task.FromResult(ExitCodes.Success);
    }

    private static void WriteTable(TextWriter stdout, AccessMatrix matrix)
    {
        var table = new TextTable("PRINCIPAL", "NAMESPACE", "ALLOWED");
        for (var p = 0; p < matrix.Principals.Length; p++)
        {
            for (var n = 0; n < matrix.Namespaces.Length; n++)
            {
                var allowed = matrix.Actions.Where((_, a) => matrix.Allowed[p][n][a]).Select(a => a.Label).ToList();
                var cell = matrix.Principals[p].Resolution is IdentityResolution.Rejected ? "(not mapped)"
                    : allowed.Count == matrix.Actions.Length ? "(all)"
                    : allowed.Count == 0 ? "-"
                    : string.Join(", ", allowed);
                table.AddRow(matrix.Principals[p].PrincipalArn, matrix.Namespaces[n], cell);
            }
        }

        table.Write(stdout);
    }

    private static JsonObject ToJson(AccessMatrix matrix) => new()
    {
        ["namespaces"] = new JsonArray([.. matrix.Namespaces.Select(n => (JsonNode)n)]),
        ["actions"] = new JsonArray([.. matrix.Actions.Select(a => (JsonNode)a.Label)]),
        ["principals"] = new JsonArray([.. matrix.Principals.Select((principal, p) => (JsonNode)new JsonObject
        {
            ["principalArn"] = principal.PrincipalArn,
            ["username"] = principal.Resolution is IdentityResolution.Mapped m ? m.Username : null,
            ["allowed"] = new JsonObject([.. matrix.Namespaces.Select((ns, n) => new KeyValuePair<string, JsonNode?>(
                ns,
                new JsonArray([.. matrix.Actions.Where((_, a) => matrix.Allowed[p][n][a]).Select(a => (JsonNode)a.Label)])))]),
        })]),
    };

    private static string[]? Split(string[]? values) =>
        values is null || values.Length == 0
            ? null
            : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
