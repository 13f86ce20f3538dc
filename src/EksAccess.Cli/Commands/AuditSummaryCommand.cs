using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Aws.Audit;
using EksAccess.Cli.Audit;
using EksAccess.Cli.Output;
using EksAccess.Core.Audit;
using EksAccess.Core.Evaluation;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess audit summary</c>: one row per principal mapped (snapshot or config) or seen in the audit log, with its
/// requests, denials, logins, people, and which of its grants decided a request. Mapped but never seen = requests 0,
/// the first candidates for revocation.
/// </summary>
internal static class AuditSummaryCommand
{
    private static readonly AuditSources Sources = new(files: true);
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<string?> File = GlobalOptions.CreateOptionalFile();
    private static readonly Option<bool> ResolvePeople = new("--resolve-people")
    {
        Description = "Name the caller behind each EKSGetTokenAuth session from CloudTrail AssumeRole records (costs CloudTrail calls).",
    };

    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml.");

    public static Command Create(CliContext context)
    {
        var command = new Command("summary", "Per principal: requests, denials, logins, people, and grants used or unused in the window.");
        Sources.AddTo(command);
        command.Options.Add(Snapshot);
        command.Options.Add(File);
        command.Options.Add(ResolvePeople);
        command.Options.Add(Output);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(Sources.Read(parseResult), parseResult.GetValue(Snapshot), parseResult.GetValue(File), parseResult.GetValue(ResolvePeople), parseResult.GetValue(Output)),
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(AuditRequest Audit, string? Snapshot, string? File, bool ResolvePeople, OutputFormat Output);

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        var window = AuditSources.Window(request.Audit, context);
        AuditSources.RequireSource(request.Audit, filesAllowed: true);
        if (request.ResolvePeople && string.IsNullOrEmpty(request.Audit.Cluster))
        {
            throw new InputException("--resolve-people reads CloudTrail: give --cluster and --region too");
        }

        var model = request.Snapshot is null && request.File is null ? null : ModelLoader.Load(request.Snapshot, request.File, includeDefaultRoles: true, context.Stderr);
        var sink = new Sink(window, model, new WarningCounter(context.Stderr));
        IReadOnlyDictionary<string, string>? people = null;
        await AuditProgress.RunAsync(context, request.Audit.Quiet, async progress =>
        {
            AwsAuditReader? reader = null;
            if (request.Audit.AuditFiles.Count > 0)
            {
                await AuditSources.ReadFilesAsync(request.Audit.AuditFiles, sink, progress, cancellationToken);
            }
            else
            {
                reader = await AuditSources.LiveAsync(request.Audit, context, cancellationToken);
                await AuditSources.PullAsync(reader, new AuditLogQuery(request.Audit.Cluster!, window), sink, progress, cancellationToken);
                await PullLoginsAsync(reader, new AuditLogQuery(request.Audit.Cluster!, window) { StreamPrefix = AuditLogQuery.AuthenticatorStreamPrefix, FilterPattern = AuditFilterPatterns.AccessGranted }, sink, progress, context.Stderr, cancellationToken);
            }

            sink.Flush();
            if (request.ResolvePeople)
            {
                reader ??= await AuditSources.LiveAsync(request.Audit, context, cancellationToken);
                progress("resolving EKSGetTokenAuth sessions in CloudTrail");
                await AuditSources.Guard(async () =>
                {
                    reader.EnsureRetained(window.Since);
                    people = await reader.ResolvePeopleAsync(sink.Builder.TokenSessionAccessKeys, window, cancellationToken);
                });
            }
        });

        cancellationToken.ThrowIfCancellationRequested();
        var rows = sink.Builder.Build(people);
        if (request.Output.IsStructured())
        {
            StructuredOutput.Write(context.Stdout, request.Output, new JsonObject
            {
                ["principals"] = new JsonArray([.. rows.Select(r => (JsonNode)AuditJson.Principal(r))]),
                ["note"] = AuditSummaryBuilder.UnusedMeaning,
            });
        }
        else
        {
            WriteTable(context.Stdout, rows);
        }

        sink.Warnings.WriteSummary();
        return ExitCodes.Success;
    }

    /// <summary>Logins come from the authenticator streams; a cluster that logs audit but not authenticator still gets a summary.</summary>
    private static async Task PullLoginsAsync(AwsAuditReader reader, AuditLogQuery query, IAuditSink sink, Action<string> progress, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            await AuditSources.PullAsync(reader, query, sink, progress, cancellationToken);
        }
        catch (InputException ex)
        {
            await stderr.WriteLineAsync($"warning: logins not counted: {ex.Message}");
        }
    }

    private static void WriteTable(TextWriter stdout, IReadOnlyList<PrincipalActivity> rows)
    {
        var table = new TextTable("PRINCIPAL", "USERNAME", "PEOPLE", "REQUESTS", "DENIED", "LOGINS", "LAST SEEN", "GRANTS USED", "GRANTS UNUSED");
        foreach (var row in rows)
        {
            table.AddRow(
                row.PrincipalArn ?? "(not IAM)",
                row.Username ?? "",
                string.Join(", ", row.People),
                AuditJson.Count(row.Requests),
                AuditJson.Count(row.Denied),
                AuditJson.Count(row.Logins),
                row.LastSeen is null ? "never" : AuditJson.Time(row.LastSeen),
                string.Join("; ", row.GrantsUsed.Select(g => g.Description)),
                string.Join("; ", row.GrantsUnused.Select(g => g.Description)));
        }

        table.Write(stdout);
        stdout.WriteLine();
        stdout.WriteLine($"note: {AuditSummaryBuilder.UnusedMeaning}");
    }

    private sealed class Sink(AuditWindow window, AccessModel? model, WarningCounter warnings) : DeduplicatingSink(warnings)
    {
        public AuditSummaryBuilder Builder { get; } = new(model);

        public override void Login(AuthenticatorLogin login)
        {
            if (window.Contains(login.Time))
            {
                Builder.Add(login);
            }
        }

        public void Flush() => FlushPending();

        protected override void Accept(AuditEvent auditEvent)
        {
            if (window.Contains(auditEvent.Time))
            {
                Builder.Add(auditEvent);
            }
        }
    }
}
