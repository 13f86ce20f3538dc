using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Aws.Audit;
using EksAccess.Cli.Audit;
using EksAccess.Cli.Output;
using EksAccess.Core.Audit;
using EksAccess.Core.Identity;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess audit activity</c>: Kubernetes API requests from the EKS audit log (CloudWatch Logs or files), one per
/// auditID, filtered by window, principal (canonical IAM ARN) and username. kubectl traffic is only here, never in CloudTrail.
/// </summary>
internal static class AuditActivityCommand
{
    private static readonly AuditSources Sources = new(files: true);

    private static readonly Option<string[]> Principals = new("--principal")
    {
        Description = "Only requests by this IAM principal (role, assumed-role session or user ARN; repeatable).",
    };

    private static readonly Option<string[]> Usernames = new("--username") { Description = "Only requests by this Kubernetes username (repeatable)." };

    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json, yaml or jsonl (one event per line, streamed).", OutputFormat.Jsonl);

    public static Command Create(CliContext context)
    {
        var command = new Command("activity", "Kubernetes API requests from the EKS audit log (CloudWatch Logs or --audit-file).");
        Sources.AddTo(command);
        command.Options.Add(Principals);
        command.Options.Add(Usernames);
        command.Options.Add(Output);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(Sources.Read(parseResult), parseResult.GetValue(Principals) ?? [], parseResult.GetValue(Usernames) ?? [], parseResult.GetValue(Output)),
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(AuditRequest Audit, IReadOnlyList<string> Principals, IReadOnlyList<string> Usernames, OutputFormat Output);

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        var window = AuditSources.Window(request.Audit, context);
        foreach (var arn in request.Principals)
        {
            if (!IamPrincipalArn.TryParse(arn, out _, out var error))
            {
                throw new InputException($"--principal '{arn}': {error}");
            }
        }

        AuditSources.RequireSource(request.Audit, filesAllowed: true);
        var filter = new AuditEventFilter(window, request.Principals, request.Usernames);
        var sink = new Sink(filter, request.Output, context.Stdout, new WarningCounter(context.Stderr));
        await AuditProgress.RunAsync(context, request.Audit.Quiet, async progress =>
        {
            if (request.Audit.AuditFiles.Count > 0)
            {
                await AuditSources.ReadFilesAsync(request.Audit.AuditFiles, sink, progress, cancellationToken);
                return;
            }

            var reader = await AuditSources.LiveAsync(request.Audit, context, cancellationToken);
            var query = new AuditLogQuery(request.Audit.Cluster!, window) { FilterPattern = AuditFilterPatterns.ForCallers(filter.CanonicalPrincipals, filter.Usernames) };
            await AuditSources.PullAsync(reader, query, sink, progress, cancellationToken);
        });

        cancellationToken.ThrowIfCancellationRequested();
        sink.Finish();
        return ExitCodes.Success;
    }

    private sealed class Sink(AuditEventFilter filter, OutputFormat output, TextWriter stdout, WarningCounter warnings) : DeduplicatingSink(warnings)
    {
        private readonly List<AuditEvent> _kept = [];

        public void Finish()
        {
            FlushPending();
            var events = _kept.OrderBy(e => e.Time).ThenBy(e => e.AuditId, StringComparer.Ordinal).ToList();
            switch (output)
            {
                case OutputFormat.Jsonl:
                    break;
                case OutputFormat.Json or OutputFormat.Yaml:
                    StructuredOutput.Write(stdout, output, new JsonObject { ["events"] = new JsonArray([.. events.Select(e => (JsonNode)AuditJson.Event(e))]) });
                    break;
                default:
                    WriteTable(stdout, events);
                    break;
            }

            Warnings.WriteSummary();
        }

        protected override void Accept(AuditEvent auditEvent)
        {
            if (!filter.Matches(auditEvent))
            {
                return;
            }

            if (output == OutputFormat.Jsonl)
            {
                // Streamed: each event is one whole line, so an interruption never leaves half an object.
                stdout.WriteLine(AuditJson.Event(auditEvent).ToJsonString(AuditJson.Compact));
                return;
            }

            _kept.Add(auditEvent);
        }

        private static void WriteTable(TextWriter stdout, List<AuditEvent> events)
        {
            var table = new TextTable("TIME", "PRINCIPAL", "SESSION", "VERB", "RESOURCE", "NAMESPACE", "NAME", "CODE", "DECISION");
            foreach (var e in events)
            {
                var resource = e.Resource is null ? e.NonResourceUrl ?? "" : e.Subresource is { Length: > 0 } sub ? $"{e.Resource}/{sub}" : e.Resource;
                if (e.ApiGroup is { Length: > 0 } group && e.Resource is not null)
                {
                    resource += "." + group;
                }

                table.AddRow(
                    AuditJson.Time(e.Time),
                    e.PrincipalArn ?? e.Username,
                    e.SessionName ?? "",
                    e.ImpersonatedUser is null ? e.Verb : $"{e.Verb} (as {e.ImpersonatedUser})",
                    resource,
                    e.Namespace ?? "",
                    e.Name ?? "",
                    e.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    e.Decision ?? "");
            }

            table.Write(stdout);
        }
    }
}
