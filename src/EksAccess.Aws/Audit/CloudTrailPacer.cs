namespace EksAccess.Aws.Audit;

/// <summary>LookupEvents allows 2 requests per second per account and Region: calls get slots 500 ms apart.</summary>
internal sealed class CloudTrailPacer(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private long? _next;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = TimeSpan.Zero;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var slot = _next is { } next && next > now ? next : now;
            if (slot > now)
            {
                wait = time.GetElapsedTime(now, slot);
            }

            _next = slot + (long)(Interval.TotalSeconds * time.TimestampFrequency);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
