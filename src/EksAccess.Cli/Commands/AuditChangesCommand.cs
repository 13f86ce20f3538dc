using System.CommandLine;
using System.Text.Json.Nodes;
using EksAccess.Aws.Audit;
using EksAccess.Cli.Audit;
using EksAccess.Cli.Output;
using EksAccess.Core.Audit;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess audit changes</c>: who changed access — EKS access entries, policy associations and cluster config from
/// CloudTrail, IAM changes on the principals the cluster maps, and aws-auth edits from the audit log.
/// </summary>
internal static class AuditChangesCommand
{
    private static readonly AuditSources Sources = new(files: false);

    private static readonly Option<OutputFormat> Output = OutputFormats.Create("table, json or yaml.");

    public static Command Create(CliContext context)
    {
        var command = new Command("changes", "Who changed access: CloudTrail (EKS and IAM) and aws-auth edits from the audit log.");
        Sources.AddTo(command);
        command.Options.Add(Output);
        command.SetAction((parseResult, cancellationToken) => RunAsync(new Request(Sources.Read(parseResult), parseResult.GetValue(Output)), context, cancellationToken));
        return command;
    }

    internal sealed record Request(AuditRequest Audit, OutputFormat Output);

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        var window = AuditSources.Window(request.Audit, context);
        AuditSources.RequireSource(request.Audit, filesAllowed: false);
        var oldest = context.Time.GetUtcNow() - AwsAuditReader.CloudTrailRetention;
        if (window.Since < oldest)
        {
            throw new InputException(
                $"--since {AuditWindow.Format(window.Since)} is more than 90 days ago: CloudTrail LookupEvents keeps only the last 90 days of management events — give --since 90d or later (for older history, query a trail's S3 copy with Athena)");
        }

        var changes = new List<AccessChange>();
        var warnings = new WarningCounter(context.Stderr);
        await AuditProgress.RunAsync(context, request.Audit.Quiet, async progress =>
        {
            var cluster = request.Audit.Cluster!;
            var reader = await AuditSources.LiveAsync(request.Audit, context, cancellationToken);
            await AuditSources.Guard(async () =>
            {
                progress("listing access entries");
                var mapped = (await reader.ListAccessEntryPrincipalsAsync(cluster, cancellationToken)).Select(AuditIdentity.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
                progress("reading CloudTrail (2 requests/s)");
                await foreach (var change in reader.ReadChangesAsync(cluster, window, mapped, cancellationToken))
                {
                    changes.Add(change);
                }
            });

            var edits = new AwsAuthSink(changes, window, warnings);
            try
            {
                await AuditSources.PullAsync(reader, new AuditLogQuery(cluster, window) { FilterPattern = AuditFilterPatterns.AwsAuthEdits }, edits, progress, cancellationToken);
                edits.Flush();
            }
            catch (InputException ex)
            {
                await context.Stderr.WriteLineAsync($"warning: aws-auth edits not included: {ex.Message}");
            }
        });

        cancellationToken.ThrowIfCancellationRequested();
        var ordered = changes.OrderBy(c => c.Time).ThenBy(c => c.EventId, StringComparer.Ordinal).ToList();
        if (request.Output.IsStructured())
        {
            StructuredOutput.Write(context.Stdout, request.Output, new JsonObject { ["changes"] = new JsonArray([.. ordered.Select(c => (JsonNode)AuditJson.Change(c))]) });
        }
        else
        {
            WriteTable(context.Stdout, ordered);
        }

        warnings.WriteSummary();
        return ExitCodes.Success;
    }

    private static void WriteTable(TextWriter stdout, List<AccessChange> changes)
    {
        var table = new TextTable("TIME", "EVENT", "ACTOR", "PRINCIPAL", "DETAIL", "ERROR");
        foreach (var c in changes)
        {
            var detail = new List<string>();
            if (c.PolicyArn is not null)
            {
                detail.Add(Core.Authorization.AccessPolicyCatalog.NameOf(c.PolicyArn) + (c.AccessScope is { IsCluster: false } scope ? $" (namespaces: {string.Join(", ", scope.Namespaces)})" : ""));
            }

            if (c.KubernetesGroups is { Length: > 0 } groups)
            {
                detail.Add("groups: " + string.Join(", ", groups));
            }

            if (c.Username is not null && !string.Equals(c.EventSource, "kube-apiserver", StringComparison.Ordinal))
            {
                detail.Add("username: " + c.Username);
            }

            if (c.AuthenticationMode is not null)
            {
                detail.Add("authenticationMode: " + c.AuthenticationMode);
            }

            if (c.Logging is not null)
            {
                detail.Add("logging " + c.Logging);
            }

            var actor = c.ActorSessionName is { Length: > 0 } session && c.ActorArn?.EndsWith(session, StringComparison.Ordinal) != true ? $"{c.ActorArn} ({session})" : c.ActorArn ?? "";
            table.AddRow(AuditJson.Time(c.Time), c.EventName, actor, c.PrincipalArn ?? "", string.Join("; ", detail), c.ErrorCode ?? "");
        }

        table.Write(stdout);
    }

    private sealed class AwsAuthSink(List<AccessChange> changes, AuditWindow window, WarningCounter warnings) : DeduplicatingSink(warnings)
    {
        public void Flush() => FlushPending();

        protected override void Accept(AuditEvent auditEvent)
        {
            if (window.Contains(auditEvent.Time) && CloudTrailRecords.AwsAuthChange(auditEvent) is { } change)
            {
                changes.Add(change);
            }
        }
    }
}
