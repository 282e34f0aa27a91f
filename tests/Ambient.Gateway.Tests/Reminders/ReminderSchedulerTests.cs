using Ambient.Gateway.Reminders;
using Ambient.Gateway.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Reminders;

public sealed class ReminderSchedulerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 30, 7, 0, 0, TimeSpan.FromHours(1));
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-reminders-").FullName;
    private readonly FakeTimeProvider _time = new(Morning);
    private readonly FixedOccurrences _calendar = new();
    private readonly List<ReminderScheduler> _schedulers = [];

    /// <summary>A scheduler over the test's SQLite file; calling it again is a gateway restart.</summary>
    private (ReminderScheduler Scheduler, List<ReminderDue> Fired) Start()
    {
        var database = new Database(
            Options.Create(new StorageOptions { DatabasePath = Path.Combine(_dir, "ambient.db") }),
            [new RemindersSchema()]);
        var scheduler = new ReminderScheduler(
            new ReminderStore(database),
            _calendar,
            Options.Create(new RemindersOptions()),
            _time,
            NullLogger<ReminderScheduler>.Instance);
        var fired = new List<ReminderDue>();
        scheduler.ReminderDueAsync += due =>
        {
            lock (fired)
            {
                fired.Add(due);
            }

            return Task.CompletedTask;
        };
        _schedulers.Add(scheduler);
        return (scheduler, fired);
    }

    [Fact]
    public async Task A_reminder_fires_at_start_minus_lead_time_and_not_before()
    {
        _calendar.Occurrences.Add(FixedOccurrences.Event("dentist", Morning.AddHours(2), TimeSpan.FromMinutes(15)));
        var (scheduler, fired) = Start();

        _time.Advance(TimeSpan.FromMinutes(104)); // 08:44, one minute before due
        await scheduler.TickAsync();
        Assert.Empty(fired);

        _time.Advance(TimeSpan.FromMinutes(1)); // 08:45 = 09:00 − 15 min
        await scheduler.TickAsync();

        var due = Assert.Single(fired);
        Assert.Equal("dentist", due.Reminder.Summary);
        Assert.Equal("anna", due.Reminder.Owner);
        Assert.Equal(Morning.AddMinutes(105), due.Reminder.DueAt);
        Assert.Equal(TimeSpan.FromMinutes(15), due.UntilStart);
        Assert.False(due.IsRepeat);
        Assert.Equal(ReminderStatus.Sent, scheduler.List().Single().Status);
    }

    [Fact]
    public async Task The_timer_on_the_injected_clock_delivers_without_anyone_calling_tick()
    {
        _calendar.Occurrences.Add(FixedOccurrences.Event("yoga", Morning.AddMinutes(30)));
        var (scheduler, fired) = Start();
        await scheduler.StartAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(20)); // due at 07:20; the 15 s timer ticks on the way
        await WaitUntil(() => fired.Count == 1);

        Assert.Equal("yoga", Assert.Single(fired).Reminder.Summary);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_restart_after_a_reminder_was_sent_does_not_send_it_again()
    {
        _calendar.Occurrences.Add(FixedOccurrences.Event("school-run", Morning.AddMinutes(40)));
        var (first, firedBefore) = Start();
        _time.Advance(TimeSpan.FromMinutes(30));
        await first.TickAsync();
        Assert.Single(firedBefore);

        var (restarted, firedAfter) = Start();
        await restarted.TickAsync();
        _time.Advance(TimeSpan.FromMinutes(5));
        await restarted.TickAsync();

        Assert.Empty(firedAfter);
        Assert.Equal(1, Assert.Single(restarted.List()).TimesSent);
    }

    [Fact]
    public async Task A_reminder_that_fell_due_while_the_gateway_was_down_is_sent_once_after_the_restart()
    {
        _calendar.Occurrences.Add(FixedOccurrences.Event("call-mum", Morning.AddHours(1)));
        var (first, firedBefore) = Start();
        await first.TickAsync(); // planned while up, not yet due
        Assert.Empty(firedBefore);

        _time.Advance(TimeSpan.FromMinutes(55)); // down from 07:00 to 07:55; it was due at 07:50
        var (restarted, firedAfter) = Start();
        await restarted.TickAsync();
        await restarted.TickAsync();

        var due = Assert.Single(firedAfter);
        Assert.Equal(TimeSpan.FromMinutes(5), due.UntilStart);
    }

    [Fact]
    public async Task A_reminder_whose_event_started_while_the_gateway_was_down_is_missed_not_sent()
    {
        _calendar.Occurrences.Add(FixedOccurrences.Event("bus", Morning.AddMinutes(30)));
        var (first, _) = Start();
        await first.TickAsync();

        _time.Advance(TimeSpan.FromMinutes(45));
        var (restarted, fired) = Start();
        await restarted.TickAsync();

        Assert.Empty(fired);
        Assert.Equal(ReminderStatus.Missed, Assert.Single(restarted.List()).Status);
    }

    [Fact]
    public async Task A_snoozed_reminder_fires_again_after_the_snooze_even_across_a_restart()
    {
        _calendar.Occurrences.Add(FixedOccurrences.Event("meds", Morning.AddMinutes(30), TimeSpan.FromMinutes(20)));
        var (scheduler, fired) = Start();
        _time.Advance(TimeSpan.FromMinutes(10));
        await scheduler.TickAsync();
        var id = Assert.Single(fired).Reminder.Id;

        Assert.True(scheduler.Snooze(id, TimeSpan.FromMinutes(5)));
        Assert.Equal(ReminderStatus.Snoozed, scheduler.List().Single().Status);
        _time.Advance(TimeSpan.FromMinutes(4));
        await scheduler.TickAsync();
        Assert.Single(fired);

        var (restarted, firedAfter) = Start();
        _time.Advance(TimeSpan.FromMinutes(1));
        await restarted.TickAsync();

        var again = Assert.Single(firedAfter);
        Assert.Equal(id, again.Reminder.Id);
        Assert.True(again.IsRepeat);
        Assert.Equal(2, again.Reminder.TimesSent);
    }

    [Fact]
    public async Task An_acknowledged_reminder_never_fires_again_and_cannot_be_snoozed()
    {
        _calendar.Occurrences.Add(FixedOccurrences.Event("parcel", Morning.AddMinutes(30)));
        var (scheduler, fired) = Start();
        _time.Advance(TimeSpan.FromMinutes(20));
        await scheduler.TickAsync();
        var id = Assert.Single(fired).Reminder.Id;
        Assert.Equal(id, scheduler.LatestSent("anna")!.Id);

        Assert.True(scheduler.Acknowledge(id));
        Assert.False(scheduler.Snooze(id, TimeSpan.FromMinutes(5)));
        Assert.False(scheduler.Acknowledge(id));
        _time.Advance(TimeSpan.FromMinutes(8));
        await scheduler.TickAsync();

        Assert.Single(fired);
        Assert.Equal(ReminderStatus.Acknowledged, scheduler.List().Single().Status);
        Assert.Null(scheduler.LatestSent("anna"));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_on_the_next_tick()
    {
        _calendar.Occurrences.Add(FixedOccurrences.Event("plumber", Morning.AddMinutes(30)));
        var (scheduler, fired) = Start();
        var attempts = 0;
        scheduler.ReminderDueAsync += _ => ++attempts == 1 ? throw new IOException("broker down") : Task.CompletedTask;
        _time.Advance(TimeSpan.FromMinutes(20));

        await scheduler.TickAsync();
        Assert.Equal(ReminderStatus.Pending, scheduler.List().Single().Status);
        await scheduler.TickAsync();

        Assert.Equal(2, attempts);
        Assert.Equal(ReminderStatus.Sent, scheduler.List().Single().Status);
        Assert.Equal(1, scheduler.List().Single().TimesSent);
        Assert.Equal(2, fired.Count); // the first subscriber saw both attempts
    }

    [Fact]
    public async Task A_moved_occurrence_updates_its_pending_reminder_and_a_removed_one_is_cancelled()
    {
        var original = FixedOccurrences.Event("piano", Morning.AddHours(3));
        _calendar.Occurrences.Add(original);
        _calendar.Occurrences.Add(FixedOccurrences.Event("football", Morning.AddHours(4)));
        var (scheduler, fired) = Start();
        await scheduler.TickAsync();

        _calendar.Occurrences.Clear();
        _calendar.Occurrences.Add(original with { Start = Morning.AddHours(5), End = Morning.AddHours(6), Summary = "piano (moved)" });
        await scheduler.TickAsync();

        var reminders = scheduler.List();
        Assert.Equal(2, reminders.Count);
        Assert.Equal(ReminderStatus.Cancelled, reminders.Single(r => r.EventUid == "football").Status);
        var piano = reminders.Single(r => r.EventUid == "piano");
        Assert.Equal((Morning.AddHours(5).AddMinutes(-10), "piano (moved)", ReminderStatus.Pending), (piano.DueAt, piano.Summary, piano.Status));
        Assert.Empty(fired);
    }

    [Fact]
    public async Task All_day_events_get_no_reminder()
    {
        _calendar.Occurrences.Add(FixedOccurrences.Event("birthday", Morning.AddHours(17)) with { IsAllDay = true });
        var (scheduler, _) = Start();

        await scheduler.TickAsync();

        Assert.Empty(scheduler.List());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 10 s");
            await Task.Delay(20);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var scheduler in _schedulers)
        {
            await scheduler.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
