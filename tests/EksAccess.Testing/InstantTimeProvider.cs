using Microsoft.Extensions.Time.Testing;

namespace EksAccess.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose timers fire at once: each timer moves the clock forward by its due time
/// (on the thread pool, after the caller has its timer). Records every delay asked for, for retry and wait tests.
/// </summary>
internal sealed class InstantTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _delays.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
