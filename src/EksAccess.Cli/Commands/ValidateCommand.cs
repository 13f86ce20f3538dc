using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EksAccess.Core.Config;

namespace EksAccess.Cli.Commands;

/// <summary><c>eksaccess validate -f access.yaml [-o table|json]</c>: schema and semantic checks, every problem at once.</summary>
internal static class ValidateCommand
{
    private static readonly Option<string> File = GlobalOptions.CreateFile();

    private static readonly Option<string> Output = new Option<string>("--output", "-o")
    {
        Description = "Output format: table (problems on stderr, a summary on stdout) or json (everything on stdout).",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");

    public static Command Create(CliContext context)
    {
        var command = new Command("validate", "Check an access config (schema and semantics); every problem as file:line:column: what — how to fix. Exit 0 valid, 3 invalid.")
        {
            File,
            Output,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(new ValidateRequest(parseResult.GetValue(File)!, parseResult.GetValue(Output)!), context, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ValidateRequest request, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var text = ConfigLoader.ReadText(request.File);
        cancellationToken.ThrowIfCancellationRequested();
        var result = AccessConfigParser.ParseAndValidate(text, request.File);

        if (string.Equals(request.Output, "json", StringComparison.Ordinal))
        {
            await context.Stdout.WriteLineAsync(ToJson(result).AsMemory(), cancellationToken);
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

    private static string ToJson(ConfigParseResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("valid", result.IsValid);
            writer.WriteStartArray("diagnostics");
            foreach (var diagnostic in result.Diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("file", diagnostic.Location.File);
                writer.WriteNumber("line", diagnostic.Location.Line);
                writer.WriteNumber("column", diagnostic.Location.Column);
                writer.WriteString("message", diagnostic.Message);
                if (diagnostic.Hint is null)
                {
                    writer.WriteNull("hint");
                }
                else
                {
                    writer.WriteString("hint", diagnostic.Hint);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
    }
}
