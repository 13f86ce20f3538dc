using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using EksAccess.Aws.CloudTrail;
using EksAccess.Aws.CloudTrail.Model;
using EksAccess.Aws.CloudWatchLogs;
using EksAccess.Aws.CloudWatchLogs.Model;
using EksAccess.Aws.Eks;
using EksAccess.Aws.Eks.Model;
using EksAccess.Core.Audit;

namespace EksAccess.Aws.Audit;

/// <summary>
/// The audit sources of one cluster, returning Core records so no caller sees a wire model:
/// the EKS audit and authenticator streams from CloudWatch Logs FilterLogEvents (paged until no nextToken, empty pages
/// included, fetched ahead while the previous page is parsed), and access changes and token issuers from CloudTrail
/// LookupEvents (one attribute, the same parameters on every page, ≤ 2 requests/s, last 90 days only).
/// Throttling is retried with backoff by the transport.
/// </summary>
public sealed class AwsAuditReader
{
    /// <summary>How far back LookupEvents reaches.</summary>
    public static readonly TimeSpan CloudTrailRetention = TimeSpan.FromDays(90);

    private const int PagesAhead = 4;

    private readonly IEksClient _eks;
    private readonly ICloudWatchLogsClient _logs;
    private readonly ICloudTrailClient _trail;
    private readonly ICloudTrailClient _globalTrail;
    private readonly TimeProvider _time;
    private readonly CloudTrailPacer _pacer;
    private readonly CloudTrailPacer _globalPacer;
    private readonly string _region;

    /// <param name="clients">The clients of the cluster's Region.</param>
    /// <param name="globalClients">Clients for us-east-1, where CloudTrail records IAM (a global service); null when the cluster is there.</param>
    /// <param name="region">The cluster's Region, for messages.</param>
    /// <param name="time">The clock for the 90-day limit and the request pacing.</param>
    public AwsAuditReader(AwsClients clients, AwsClients? globalClients, string region, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _eks = clients.Eks;
        _logs = clients.CloudWatchLogs;
        _trail = clients.CloudTrail;
        _globalTrail = (globalClients ?? clients).CloudTrail;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _pacer = new CloudTrailPacer(time);
        _globalPacer = globalClients is null ? _pacer : new CloudTrailPacer(time);
        _region = region;
    }

    /// <summary>Fails with one line when the cluster does not exist in the Region.</summary>
    public async Task EnsureClusterAsync(string cluster, CancellationToken cancellationToken)
    {
        try
        {
            await _eks.DescribeClusterAsync(new DescribeClusterRequest { Name = cluster }, cancellationToken);
        }
        catch (AwsServiceException ex) when (string.Equals(ex.ErrorCode, "ResourceNotFoundException", StringComparison.Ordinal))
        {
            throw new AuditQueryException($"cluster '{cluster}' not found in {_region} — check --cluster and --region (aws eks list-clusters --region {_region})", ex);
        }
    }

    /// <summary>
    /// Every log event of the query's streams in the window, parsed. Pages are fetched by a producer into a bounded
    /// channel while this enumerator parses, so paging and parsing overlap.
    /// </summary>
    public async IAsyncEnumerable<AuditLogRecord> ReadLogAsync(AuditLogQuery query, Action<long, long>? onPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pages = Channel.CreateBounded<List<FilteredLogEvent>>(new BoundedChannelOptions(PagesAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(query, pages.Writer, onPage, stop.Token), stop.Token);
        try
        {
            var line = new AuditLine();
            await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var item in page)
                {
                    var location = $"{query.LogGroupName}:{item.LogStreamName}:{item.EventId}";
                    AuditLineParser.Parse(Encoding.UTF8.GetBytes(item.Message ?? ""), line);
                    foreach (var auditEvent in line.Events)
                    {
                        yield return new AuditLogRecord(auditEvent, null, null, location);
                    }

                    foreach (var login in line.Logins)
                    {
                        yield return new AuditLogRecord(null, login, null, location);
                    }

                    if (line.Error is { } error)
                    {
                        yield return new AuditLogRecord(null, null, error, location);
                    }
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early or was cancelled; the producer's cancellation is expected.
            }
        }
    }

    /// <summary>Access changes to the cluster in the window: EKS calls, then IAM calls on <paramref name="mappedPrincipalKeys"/> (see <see cref="AuditIdentity.Key"/>), from CloudTrail.</summary>
    public async IAsyncEnumerable<AccessChange> ReadChangesAsync(string cluster, AuditWindow window, IReadOnlySet<string> mappedPrincipalKeys, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(mappedPrincipalKeys);
        EnsureRetained(window.Since);
        var mapped = new HashSet<string>(mappedPrincipalKeys, StringComparer.Ordinal);
        var eks = new List<AccessChange>();
        await foreach (var record in LookupAsync(_trail, _pacer, LookupAttributeKey.EventSource, CloudTrailRecords.EksSource, window, cancellationToken))
        {
            if (CloudTrailRecords.ParseChange(record, cluster) is { } change)
            {
                eks.Add(change);
                if (AuditIdentity.Key(change.PrincipalArn) is { } key)
                {
                    mapped.Add(key);
                }
            }
        }

        foreach (var change in eks)
        {
            yield return change;
        }

        await foreach (var record in LookupAsync(_globalTrail, _globalPacer, LookupAttributeKey.EventSource, CloudTrailRecords.IamSource, window, cancellationToken))
        {
            if (CloudTrailRecords.ParseChange(record, cluster) is { } change && AuditIdentity.Key(change.PrincipalArn) is { } key && mapped.Contains(key))
            {
                yield return change;
            }
        }
    }

    /// <summary>The principal ARNs of the cluster's access entries (ListAccessEntries).</summary>
    public async Task<IReadOnlyList<string>> ListAccessEntryPrincipalsAsync(string cluster, CancellationToken cancellationToken)
    {
        var result = new List<string>();
        await foreach (var arn in _eks.ListAccessEntriesAllAsync(new ListAccessEntriesRequest { ClusterName = cluster }, cancellationToken))
        {
            result.Add(arn);
        }

        return result;
    }

    /// <summary>
    /// Who obtained each access key: the AssumeRole calls in CloudTrail (from 12 h before the window, the longest role
    /// session, capped at 90 days) whose issued credentials carry it. Keys not found are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolvePeopleAsync(IReadOnlyCollection<string> accessKeyIds, AuditWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accessKeyIds);
        ArgumentNullException.ThrowIfNull(window);
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        if (accessKeyIds.Count == 0)
        {
            return people;
        }

        var wanted = accessKeyIds.ToHashSet(StringComparer.Ordinal);
        var oldest = _time.GetUtcNow() - CloudTrailRetention + TimeSpan.FromMinutes(1);
        var since = window.Since - TimeSpan.FromHours(12);
        var lookup = window with { Since = since < oldest ? oldest : since };
        var trails = ReferenceEquals(_trail, _globalTrail) ? [(_trail, _pacer)] : new[] { (_trail, _pacer), (_globalTrail, _globalPacer) };
        foreach (var (trail, pacer) in trails)
        {
            await foreach (var record in LookupAsync(trail, pacer, LookupAttributeKey.EventName, "AssumeRole", lookup, cancellationToken))
            {
                if (CloudTrailRecords.ParseAssumeRole(record) is { } issue && wanted.Remove(issue.IssuedAccessKeyId))
                {
                    people[issue.IssuedAccessKeyId] = issue.Person;
                }
            }

            if (wanted.Count == 0)
            {
                break;
            }
        }

        return people;
    }

    /// <summary>Refuses a window starting before CloudTrail's 90 days.</summary>
    public void EnsureRetained(DateTimeOffset since)
    {
        var oldest = _time.GetUtcNow() - CloudTrailRetention;
        if (since < oldest)
        {
            throw new AuditQueryException(
                $"--since {AuditWindow.Format(since)} is more than 90 days ago: CloudTrail LookupEvents keeps only the last 90 days of management events — give --since 90d or later (for older history, query a trail's S3 copy with Athena)");
        }
    }

    private async Task ProduceAsync(AuditLogQuery query, ChannelWriter<List<FilteredLogEvent>> writer, Action<long, long>? onPage, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var request = new FilterLogEventsRequest
            {
                LogGroupName = query.LogGroupName,
                LogStreamNamePrefix = query.StreamPrefix,
                StartTime = query.Window.Since.ToUnixTimeMilliseconds(),
                EndTime = query.Window.Until.ToUnixTimeMilliseconds(),
                FilterPattern = query.FilterPattern,
                Limit = query.PageLimit,
            };
            long pages = 0, events = 0;
            await foreach (var page in _logs.FilterLogEventsPagesAsync(request, cancellationToken))
            {
                var items = page.Events ?? [];
                pages++;
                events += items.Count;
                onPage?.Invoke(pages, events);
                if (items.Count > 0)
                {
                    await writer.WriteAsync(items, cancellationToken);
                }
            }
        }
        catch (AwsServiceException ex) when (string.Equals(ex.ErrorCode, "ResourceNotFoundException", StringComparison.Ordinal))
        {
            failure = new AuditQueryException(
                $"log group {query.LogGroupName} not found in {_region}: control-plane logging is not enabled — set cluster.logging (types: [audit, authenticator]) in access.yaml and run eksaccess apply, or give --audit-file",
                ex);
        }
#pragma warning disable CA1031 // Every failure is handed to the consumer through the channel.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }

        writer.TryComplete(failure);
    }

    private static async IAsyncEnumerable<string> LookupAsync(ICloudTrailClient trail, CloudTrailPacer pacer, string key, string value, AuditWindow window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new LookupEventsRequest
        {
            LookupAttributes = [new LookupAttribute { AttributeKey = key, AttributeValue = value }],
            StartTime = window.Since.UtcDateTime,
            EndTime = window.Until.UtcDateTime,
            MaxResults = 50,
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            await pacer.WaitAsync(cancellationToken);
            var page = await trail.LookupEventsAsync(request, cancellationToken);
            foreach (var item in page.Events ?? [])
            {
                if (item.CloudTrailEvent is { } record)
                {
                    yield return record;
                }
            }

            if (string.IsNullOrEmpty(page.NextToken) || !seen.Add(page.NextToken))
            {
                yield break;
            }

            request = request with { NextToken = page.NextToken };
        }
    }
}
