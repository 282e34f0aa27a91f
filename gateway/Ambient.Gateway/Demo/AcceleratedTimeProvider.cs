using System.Diagnostics;

namespace Ambient.Gateway.Demo;

/// <summary>
/// The demo's clock: starts at a chosen moment and runs <see cref="Speed"/>× faster than the wall clock, timers
/// included, so the gateway's schedules (reminders, weather refresh, plant re-evaluation) keep pace with the
/// simulated household.
/// </summary>
public sealed class AcceleratedTimeProvider(DateTimeOffset start, double speed) : TimeProvider
{
    private readonly long _anchor = Stopwatch.GetTimestamp();

    public DateTimeOffset Start { get; } = start;

    public double Speed { get; } = speed;

    /// <summary>The wall-clock moment <see cref="Start"/> corresponds to.</summary>
    public DateTimeOffset WallAnchor { get; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Start + (Stopwatch.GetElapsedTime(_anchor) * Speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Speed;
}
