using System.CommandLine;
using EksAccess.Aws;
using EksAccess.Aws.Audit;
using EksAccess.Cli.Commands;
using EksAccess.Core.Audit;

namespace EksAccess.Cli.Audit;

/// <summary>
/// The options the audit commands share and how they become sources: --audit-file (offline) or --cluster (live, through
/// <see cref="AwsAuditReader"/>), the window, and AWS failures mapped to the exit-code contract.
/// </summary>
internal sealed class AuditSources
{
    public AuditSources(bool files)
    {
        if (files)
        {
            AuditFiles = new Option<string[]>("--audit-file")
            {
                Description = "Read a kube-apiserver audit log, the JSON `aws logs filter-log-events` prints, or gzip of either, instead of CloudWatch Logs (repeatable).",
            };
        }
    }

    public Option<string?> Cluster { get; } = new("--cluster") { Description = "The EKS cluster name (its log group is /aws/eks/<cluster>/cluster)." };

    public Option<string?> Since { get; } = new("--since") { Description = "Start: RFC 3339 or a duration back from now (90m, 24h, 7d). Default 24h." };

    public Option<string?> Until { get; } = new("--until") { Description = "End: RFC 3339 or a duration back from now. Default now." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress on stderr." };

    public Option<string[]>? AuditFiles { get; }

    public AwsOptions Aws { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Cluster);
        Aws.AddTo(command);
        command.Options.Add(Since);
        command.Options.Add(Until);
        if (AuditFiles is not null)
        {
            command.Options.Add(AuditFiles);
        }

        command.Options.Add(Quiet);
    }

    public AuditRequest Read(ParseResult parseResult) => new(
        parseResult.GetValue(Cluster),
        Aws.Read(parseResult),
        parseResult.GetValue(Since),
        parseResult.GetValue(Until),
        AuditFiles is null ? [] : parseResult.GetValue(AuditFiles) ?? [],
        parseResult.GetValue(Quiet));

    public static AuditWindow Window(AuditRequest request, CliContext context)
    {
        return AuditWindow.TryParse(request.Since, request.Until, context.Time.GetUtcNow(), out var window, out var error)
            ? window
            : throw new InputException(error);
    }

    /// <summary>The live reader for --cluster, after checking the cluster exists.</summary>
    public static async Task<AwsAuditReader> LiveAsync(AuditRequest request, CliContext context, CancellationToken cancellationToken)
    {
        var settings = AwsOptions.Settings(context, request.Connection, fallbackRegion: null);
        var region = AwsClients.ResolveRegion(settings) ?? throw new InputException("no AWS region: give --region (or set AWS_REGION)");
        var clients = context.CreateAwsClients(settings);
        // CloudTrail records IAM, a global service, in us-east-1.
        var global = string.Equals(region, "us-east-1", StringComparison.Ordinal) ? null : context.CreateAwsClients(settings with { Region = "us-east-1" });
        var reader = new AwsAuditReader(clients, global, region, context.Time);
        await Guard(() => reader.EnsureClusterAsync(request.Cluster!, cancellationToken));
        return reader;
    }

    /// <summary>Runs a live step with the audit failures mapped: a question that cannot be asked → exit 3, AWS failures → exit 4.</summary>
    public static async Task Guard(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (AuditQueryException ex)
        {
            throw new InputException(ex.Message, ex);
        }
        catch (AwsConfigurationException ex)
        {
            throw AwsFailures.ToRemote(ex);
        }
        catch (AwsServiceException ex)
        {
            throw AwsFailures.ToRemote(ex);
        }
    }

    /// <summary>Pulls the log of the query into the sink (live), with progress.</summary>
    public static Task PullAsync(AwsAuditReader reader, AuditLogQuery query, IAuditSink sink, Action<string> progress, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await foreach (var record in reader.ReadLogAsync(query, (pages, events) => progress($"{query.StreamPrefix}: {events:N0} events, {pages:N0} pages"), cancellationToken))
            {
                if (record.Event is { } auditEvent)
                {
                    sink.Event(auditEvent);
                }
                else if (record.Login is { } login)
                {
                    sink.Login(login);
                }
                else if (record.Warning is { } warning)
                {
                    sink.Warning($"{record.Location}: {warning}");
                }
            }
        });

    /// <summary>Reads every --audit-file into the sink.</summary>
    public static async Task ReadFilesAsync(IReadOnlyList<string> files, IAuditSink sink, Action<string> progress, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            progress($"reading {file}");
            await AuditFileReader.ReadAsync(file, sink, cancellationToken);
        }
    }

    /// <summary>Checks that a source is given: files, or a cluster.</summary>
    public static void RequireSource(AuditRequest request, bool filesAllowed)
    {
        if (request.AuditFiles.Count == 0 && string.IsNullOrEmpty(request.Cluster))
        {
            throw new InputException(filesAllowed
                ? "no audit source: give --cluster NAME (CloudWatch Logs) or --audit-file FILE"
                : "give --cluster NAME");
        }
    }
}
