using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Cli.Output;
using EksAccess.Core.Config;
using EksAccess.Core.Desired;

namespace EksAccess.Cli.Commands;

/// <summary><c>eksaccess validate -f access.yaml [-o table|json|yaml]</c>: schema and semantic checks, every problem at once.</summary>
internal static class ValidateCommand
{
    /// <summary>eksaccess validate -f FILE [-o table|json|yaml].</summary>
    internal sealed record Request(string File, OutputFormat Output);

    private static readonly Option<string> File = GlobalOptions.CreateFile();

    private static readonly Option<OutputFormat> Output =
        OutputFormats.Create("table (problems on stderr, a summary on stdout), json or yaml (everything on stdout).");

    public static Command Create(CliContext context)
    {
        var command = new Command("validate", "Check an access config (schema and semantics); every problem as file:line:column: what — how to fix. Exit 0 valid, 3 invalid.")
        {
            File,
            Output,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(new Request(parseResult.GetValue(File)!, parseResult.GetValue(Output)), context, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var text = ConfigLoader.ReadText(request.File);
        cancellationToken.ThrowIfCancellationRequested();
        var result = AccessConfigParser.ParseAndValidate(text, request.File);
        if (result.Config is not null)
        {
            // The checks that need the clock: an expires beyond cluster.maxGrantDuration is an error, a past one a warning.
            var (errors, warnings) = ConfigExpiry.Check(result.Config, context.Time.GetUtcNow());
            result = result with { Diagnostics = AccessConfigParser.SortDiagnostics(result.Diagnostics.Concat(errors)) };
            foreach (var warning in warnings)
            {
                await context.Stderr.WriteLineAsync($"warning: {warning}".AsMemory(), cancellationToken);
            }
        }

        if (request.Output.IsStructured())
        {
            StructuredOutput.Write(context.Stdout, request.Output, ToJson(result));
        }
        else if (result.IsValid)
        {
            await context.Stdout.WriteLineAsync($"{request.File} is valid ({Summarize(result.Config!)})".AsMemory(), cancellationToken);
        }
        else
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                await context.Stderr.WriteLineAsync(diagnostic.ToString().AsMemory(), cancellationToken);
            }
        }

        if (result.IsValid)
        {
            return ExitCodes.Success;
        }

        await context.Stderr.WriteLineAsync($"error: {request.File} is invalid: {Count(result.Diagnostics.Length, "problem")}".AsMemory(), cancellationToken);
        return ExitCodes.InvalidInput;
    }

    /// <summary>"1 IAM user, 2 IAM roles, …, 3 tests with 21 checks".</summary>
    public static string Summarize(AccessConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var checks = config.Tests.Sum(t => t.Allow.Length + t.Deny.Length);
        return string.Join(
            ", ",
            Count(config.Iam.Users.Length, "IAM user"),
            Count(config.Iam.Roles.Length, "IAM role"),
            Count(config.Iam.Groups.Length, "IAM group"),
            Count(config.Namespaces.Length, "namespace"),
            Count(config.Roles.Length, "role template"),
            Count(config.ClusterRoles.Length, "cluster role"),
            Count(config.Teams.Length, "team"),
            Count(config.Admins.Length, "admin"),
            $"{Count(config.Tests.Length, "test")} with {Count(checks, "check")}");
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static JsonObject ToJson(ConfigParseResult result) => new()
    {
        ["valid"] = result.IsValid,
        ["diagnostics"] = new JsonArray([.. result.Diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["file"] = d.Location.File,
            ["line"] = d.Location.Line,
            ["column"] = d.Location.Column,
            ["message"] = d.Message,
            ["hint"] = d.Hint,
        })]),
    };
}
