using Ambient.Gateway.Calendar;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Reminders;

/// <summary>
/// Turns upcoming calendar occurrences into reminders (due at start − the calendar's lead time) and raises
/// <see cref="ReminderDueAsync"/> when one is due. Runs on a <see cref="TimeProvider"/> timer; all state is in
/// SQLite, so a restart neither drops (a reminder that fell due while the gateway was down and whose event has not
/// started fires once) nor repeats (a sent reminder stays sent) one. All-day events get no reminder: there is no
/// moment to remind at; the morning greeting mentions them.
/// </summary>
public sealed class ReminderScheduler : IHostedService, IAsyncDisposable
{
    private readonly ReminderStore _store;
    private readonly ICalendarOccurrences _calendars;
    private readonly RemindersOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReminderScheduler> _logger;
    private readonly SemaphoreSlim _ticking = new(1, 1);
    private ITimer? _timer;

    public ReminderScheduler(
        ReminderStore store,
        ICalendarOccurrences calendars,
        IOptions<RemindersOptions> options,
        TimeProvider time,
        ILogger<ReminderScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _calendars = calendars;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>A reminder is due (first time, or again after a snooze). Already marked sent when raised.</summary>
    public event Func<ReminderDue, Task>? ReminderDueAsync;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = _time.CreateTimer(_ => _ = TickFromTimerAsync(), null, TimeSpan.Zero, _options.TickInterval);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
            _timer = null;
        }

        // Let a tick in progress finish its delivery.
        await _ticking.WaitAsync(cancellationToken).ConfigureAwait(false);
        _ticking.Release();
    }

    /// <summary>Plans reminders from the calendars and delivers the due ones. Returns how many were delivered.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken = default)
    {
        await _ticking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var until = now + _options.Horizon;
            var occurrences = _calendars.GetOccurrences(now, until)
                .Where(o => !o.IsAllDay && o.Start >= now);
            _store.Plan(occurrences, _calendars.LoadedCalendars, now, until);

            var (due, missed) = _store.Claim(now);
            foreach (var reminder in missed)
            {
                RemindersLog.Missed(_logger, reminder.Id, reminder.Summary);
            }

            var delivered = 0;
            foreach (var reminder in due)
            {
                var isRepeat = reminder.Status == ReminderStatus.Snoozed;
                RemindersLog.Due(_logger, reminder.Id, reminder.Summary, reminder.EventStart, isRepeat);
                try
                {
                    if (ReminderDueAsync is { } handler)
                    {
                        var sent = reminder with
                        {
                            Status = ReminderStatus.Sent,
                            TimesSent = reminder.TimesSent + 1,
                            LastSentAt = now,
                            SnoozedUntil = null,
                        };
                        await RaiseAsync(handler, new ReminderDue(sent, isRepeat, reminder.EventStart - now)).ConfigureAwait(false);
                    }

                    delivered++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed delivery (broker down) must not lose the reminder: back to its previous status.
                    RemindersLog.DeliveryFailed(_logger, reminder.Id, ex);
                    _store.Unclaim(reminder, now);
                }
            }

            return delivered;
        }
        finally
        {
            _ticking.Release();
        }
    }

    /// <summary>The person confirmed the reminder; it will not fire again. False when unknown or already finished.</summary>
    public bool Acknowledge(long reminderId)
    {
        var done = _store.Acknowledge(reminderId, _time.GetUtcNow());
        RemindersLog.Changed(_logger, reminderId, done ? "acknowledged" : "not acknowledged (unknown or finished)");
        return done;
    }

    /// <summary>Fire the reminder again after <paramref name="delay"/>. False when unknown or already finished.</summary>
    public bool Snooze(long reminderId, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        var done = _store.Snooze(reminderId, _time.GetUtcNow() + delay, _time.GetUtcNow());
        RemindersLog.Changed(_logger, reminderId, done ? "snoozed" : "not snoozed (unknown or finished)");
        return done;
    }

    /// <summary>The most recently delivered, not yet acknowledged reminder (of <paramref name="owner"/> when given).</summary>
    public Reminder? LatestSent(string? owner = null) => _store.LatestSent(owner);

    /// <summary>Reminders of events from Reminders:Recent ago to Reminders:Horizon ahead, with status.</summary>
    public IReadOnlyList<Reminder> List()
    {
        var now = _time.GetUtcNow();
        return _store.List(now - _options.Recent, now + _options.Horizon);
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        _ticking.Dispose();
    }

    // Each subscriber is awaited in turn (invoking the multicast delegate directly would await only the last one).
    private static async Task RaiseAsync(Func<ReminderDue, Task> handler, ReminderDue due)
    {
        foreach (var subscriber in handler.GetInvocationList().Cast<Func<ReminderDue, Task>>())
        {
            await subscriber(due).ConfigureAwait(false);
        }
    }

    private async Task TickFromTimerAsync()
    {
        // Skip a tick while the previous one is still delivering; the next tick picks up whatever is due.
        if (_ticking.CurrentCount == 0)
        {
            return;
        }

        try
        {
            await TickAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The timer has no caller to report to; the next tick retries.
            RemindersLog.TickFailed(_logger, ex);
        }
    }
}
