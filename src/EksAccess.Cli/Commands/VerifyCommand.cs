using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Cli.Output;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Planning;
using EksAccess.Core.Verification;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess verify -f access.yaml [--snapshot DIR]</c>: runs the config's tests: against the state the config would
/// create, or against a snapshot. Exit 0 all pass, 1 any fail.
/// </summary>
internal static class VerifyCommand
{
    private static readonly Option<string> File = GlobalOptions.CreateFile();
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<bool> NoDefaultRoles = GlobalOptions.CreateNoDefaultRoles();
    private static readonly Option<string> Output = GlobalOptions.CreateOutputFormat();

    public static Command Create(CliContext context)
    {
        var command = new Command("verify", "Run the access config's tests: (allowed/denied checks) offline, against the desired state or a snapshot.")
        {
            File, Snapshot, NoDefaultRoles, Output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(parseResult.GetValue(File)!, parseResult.GetValue(Snapshot), !parseResult.GetValue(NoDefaultRoles), parseResult.GetValue(Output)!),
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(string File, string? Snapshot, bool IncludeDefaultRoles, string Output);

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var config = ConfigLoader.LoadValid(request.File);
        var model = request.Snapshot is null
            ? AccessModel.Build(DesiredState.Build(config), request.IncludeDefaultRoles)
            : ModelLoader.Load(request.Snapshot, configPath: null, request.IncludeDefaultRoles, context.Stderr);
        var results = AccessTestRunner.Run(config, model);
        var failed = results.Count(r => !r.Passed);
        var against = request.Snapshot is null ? $"the state {request.File} creates" : $"snapshot {request.Snapshot}";

        if (StructuredOutput.IsStructured(request.Output))
        {
            var data = new JsonObject
            {
                ["against"] = against,
                ["passed"] = results.Length - failed,
                ["failed"] = failed,
                ["results"] = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
                {
                    ["as"] = r.As,
                    ["username"] = r.Identity,
                    ["check"] = r.Check.Text,
                    ["location"] = r.Check.Location.ToString(),
                    ["expected"] = r.ExpectedAllowed ? "allow" : "deny",
                    ["actual"] = r.ActualAllowed ? "allow" : "deny",
                    ["passed"] = r.Passed,
                    ["explanation"] = r.Explanation,
                })]),
            };
            StructuredOutput.Write(context.Stdout, request.Output, data);
        }
        else
        {
            var table = new TextTable("RESULT", "AS", "CHECK", "EXPECTED", "ACTUAL", "WHY");
            foreach (var r in results)
            {
                table.AddRow(r.Passed ? "pass" : "FAIL", r.As, r.Check.Text, r.ExpectedAllowed ? "allow" : "deny", r.ActualAllowed ? "allow" : "deny", r.Explanation);
            }

            table.Write(context.Stdout);
            await context.Stdout.WriteLineAsync($"{results.Length - failed} passed, {failed} failed against {against}").ConfigureAwait(false);
        }

        foreach (var r in results.Where(r => !r.Passed))
        {
            await context.Stderr.WriteLineAsync($"{r.Check.Location}: {r.As} should be {(r.ExpectedAllowed ? "allowed" : "denied")} to '{r.Check.Text}' but is {(r.ActualAllowed ? "allowed" : "denied")} — {r.Explanation}").ConfigureAwait(false);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Negative;
    }
}
