using System.CommandLine;
using EksAccess.Aws.Audit;
using EksAccess.Cli.Audit;
using EksAccess.Cli.Output;
using EksAccess.Core.Audit;
using EksAccess.Core.Config;
using EksAccess.Core.Identity;
using EksAccess.Core.Rightsizing;
using EksAccess.Core.Text;
using EksAccess.Core.Desired;

namespace EksAccess.Cli.Commands;

/// <summary>
/// <c>eksaccess rightsize</c>: the subject's grants and their use in the audit window, requests it was denied, the
/// smallest RBAC (and access policies) that cover what it did, and the evaluator's proof of that suggestion
/// (docs/decisions/rightsize.md). Exit 0 nothing to tighten, 1 something could be, 70 a suggestion that fails its proof.
/// </summary>
internal static class RightsizeCommand
{
    /// <summary>Rightsizing on a day of evidence would call most grants unused; the default window is the minimum that counts.</summary>
    public const string DefaultSince = "30d";

    private static readonly AuditSources Sources = new(files: true);
    private static readonly Option<string?> Snapshot = GlobalOptions.CreateSnapshot();
    private static readonly Option<string?> File = GlobalOptions.CreateOptionalFile();
    private static readonly Option<string[]> Principals = new("--principal") { Description = "An IAM principal (ARN, or a user/role name of -f), or a Kubernetes username such as system:serviceaccount:NS:NAME (repeatable)." };
    private static readonly Option<string[]> Teams = new("--team") { Description = "A team of -f: its Kubernetes group and members (repeatable)." };
    private static readonly Option<string[]> Groups = new("--group") { Description = "A Kubernetes group, e.g. system:serviceaccounts:NS (repeatable)." };
    private static readonly Option<int> MinRequests = new("--min-requests")
    {
        Description = "Fewer requests from the subject than this is not enough data to call a grant unused.",
        DefaultValueFactory = _ => Rightsizer.DefaultMinRequests,
    };

    private static readonly Option<string?> WriteConfig = new("--write-config") { Description = "Edit this access config in place to the suggestion (shows the diff)." };

    private static readonly Option<string> Output = new Option<string>("--output", "-o")
    {
        Description = "Output format: table, json, or yaml (the suggested Kubernetes objects).",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json", "yaml");

    public static Command Create(CliContext context)
    {
        var command = new Command("rightsize", "Least privilege from the audit log: grants used and unused, a tighter suggestion, and its proof.");
        command.Options.Add(Principals);
        command.Options.Add(Teams);
        command.Options.Add(Groups);
        Sources.AddTo(command);
        command.Options.Add(Snapshot);
        command.Options.Add(File);
        command.Options.Add(MinRequests);
        command.Options.Add(Output);
        command.Options.Add(WriteConfig);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(
                Sources.Read(parseResult),
                parseResult.GetValue(Principals) ?? [],
                parseResult.GetValue(Teams) ?? [],
                parseResult.GetValue(Groups) ?? [],
                parseResult.GetValue(Snapshot),
                parseResult.GetValue(File),
                parseResult.GetValue(MinRequests),
                parseResult.GetValue(Output)!,
                parseResult.GetValue(WriteConfig)),
            context,
            cancellationToken));
        return command;
    }

    internal sealed record Request(
        AuditRequest Audit,
        IReadOnlyList<string> Principals,
        IReadOnlyList<string> Teams,
        IReadOnlyList<string> Groups,
        string? Snapshot,
        string? File,
        int MinRequests,
        string Output,
        string? WriteConfig);

    internal static async Task<int> RunAsync(Request request, CliContext context, CancellationToken cancellationToken)
    {
        if (request.Principals.Count + request.Teams.Count + request.Groups.Count == 0)
        {
            throw new InputException("no subject: give --principal ARN, --team NAME or --group GROUP (repeatable)");
        }

        if (request.MinRequests < 0)
        {
            throw new InputException($"--min-requests {request.MinRequests}: give a count of 0 or more");
        }

        var audit = request.Audit with { Since = request.Audit.Since ?? DefaultSince };
        var window = AuditSources.Window(audit, context);
        AuditSources.RequireSource(audit, filesAllowed: true);
        if (request.Snapshot is null && request.File is null)
        {
            // Live state is read by `eksaccess snapshot`; rightsize stays an offline evaluation of what it wrote.
            throw new InputException("no state to rightsize against: give --snapshot DIR (e.g. from `eksaccess snapshot --cluster C`) or -f access.yaml");
        }

        var (model, config) = ModelLoader.LoadWithConfig(request.Snapshot, request.File, includeDefaultRoles: true, context.Stderr);
        var subject = Subject(request, config);
        var sink = new Sink(window, new RightsizeEvidence(subject), new WarningCounter(context.Stderr));
        await AuditProgress.RunAsync(context, audit.Quiet, async progress =>
        {
            if (audit.AuditFiles.Count > 0)
            {
                await AuditSources.ReadFilesAsync(audit.AuditFiles, sink, progress, cancellationToken);
            }
            else
            {
                var reader = await AuditSources.LiveAsync(audit, context, cancellationToken);
                await AuditSources.PullAsync(reader, new AuditLogQuery(audit.Cluster!, window), sink, progress, cancellationToken);
            }

            sink.Flush();
        });

        cancellationToken.ThrowIfCancellationRequested();
        var report = Rightsizer.Analyze(model, subject, sink.Evidence, window, request.MinRequests);
        sink.Warnings.WriteSummary();
        if (!report.Proof.Ok)
        {
            // A suggestion that fails its own proof is a bug in this tool, never advice.
            await context.Stderr.WriteLineAsync($"error: internal error: the rightsize suggestion for {subject.Name} fails its own proof: {report.Proof.Failures[0]} — nothing was printed or written; please report this");
            return ExitCodes.InternalError;
        }

        switch (request.Output)
        {
            case "json":
                StructuredOutput.Write(context.Stdout, OutputFormat.Json, RightsizeView.Json(report));
                break;
            case "yaml":
                await context.Stdout.WriteAsync(RightsizeView.Yaml(report));
                break;
            default:
                RightsizeView.Table(context.Stdout, report);
                break;
        }

        if (request.WriteConfig is { } path)
        {
            RightsizeConfigWriter.Write(path, report, context);
        }

        return report.CouldTighten ? ExitCodes.Negative : ExitCodes.Success;
    }

    private static RightsizeSubject Subject(Request request, AccessConfig? config)
    {
        var principals = new List<string>();
        var usernames = new List<string>();
        var groups = new List<string>(request.Groups);
        foreach (var value in request.Principals)
        {
            if (value.StartsWith("arn:", StringComparison.Ordinal) || (config is not null && !value.Contains(':', StringComparison.Ordinal)))
            {
                var arn = PrincipalArgument.Resolve(value, "--principal", config);
                principals.Add(IamPrincipalArn.Parse(arn).Canonicalize().Value);
            }
            else
            {
                usernames.Add(value);
            }
        }

        foreach (var name in request.Teams)
        {
            if (config is null)
            {
                throw new InputException($"--team {Echo.Quote(name)}: teams are defined by an access config — give -f access.yaml, or --group for the team's Kubernetes group");
            }

            var team = config.Teams.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))
                ?? throw new InputException($"--team {Echo.Quote(name)}: not a team of {config.SourceFile} — teams: {string.Join(", ", config.Teams.Select(t => t.Name))}");
            groups.Add(team.KubernetesGroup);
            principals.AddRange(team.Members.Select(m => IamPrincipalArn.Parse(PrincipalResolver.PrincipalArn(config, m)).Canonicalize().Value));
        }

        var all = request.Teams.Concat(request.Groups).Concat(request.Principals).ToList();
        return new RightsizeSubject
        {
            Name = string.Join("+", all.Select(v => v.StartsWith("arn:", StringComparison.Ordinal) ? v[(v.LastIndexOf('/') + 1)..] : v)),
            PrincipalArns = [.. principals.Distinct(StringComparer.Ordinal)],
            Usernames = [.. usernames.Distinct(StringComparer.Ordinal)],
            Groups = [.. groups.Distinct(StringComparer.Ordinal)],
        };
    }

    private sealed class Sink(AuditWindow window, RightsizeEvidence evidence, WarningCounter warnings) : DeduplicatingSink(warnings)
    {
        public RightsizeEvidence Evidence => evidence;

        public void Flush() => FlushPending();

        protected override void Accept(AuditEvent auditEvent)
        {
            if (window.Contains(auditEvent.Time))
            {
                evidence.Add(auditEvent);
            }
        }
    }
}
