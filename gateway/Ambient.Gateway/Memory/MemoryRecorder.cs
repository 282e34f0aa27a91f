using System.Globalization;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Telemetry;
using Ambient.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Memory;

/// <summary>
/// Writes every greeting sent, reminder delivered, plant condition change and earbud wake or button press into
/// <see cref="MemoryStore"/>. A failed write is logged and dropped: remembering must never stop the greeting,
/// reminder or plant downlink it records (the events' other subscribers run after this one).
/// </summary>
public sealed class MemoryRecorder(
    MemoryStore store,
    FrameIngestor ingestor,
    GreetingService greetings,
    ReminderScheduler reminders,
    PlantMonitor plants,
    DeviceRegistry devices,
    IOptions<GreetingsOptions> greetingsOptions,
    IOptions<CalendarOptions> calendarOptions,
    TimeProvider time,
    ILogger<MemoryRecorder> logger) : IHostedService
{
    private static readonly string EarbudKind = DeviceKinds.NameOf(DeviceKind.Earbud);

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(calendarOptions.Value.TimeZone);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        greetings.GreetingSentAsync += OnGreetingAsync;
        reminders.ReminderDueAsync += OnReminderAsync;
        plants.StateChangedAsync += OnPlantAsync;
        ingestor.FrameAcceptedAsync += OnFrameAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        greetings.GreetingSentAsync -= OnGreetingAsync;
        reminders.ReminderDueAsync -= OnReminderAsync;
        plants.StateChangedAsync -= OnPlantAsync;
        ingestor.FrameAcceptedAsync -= OnFrameAsync;
        return Task.CompletedTask;
    }

    internal Task OnGreetingAsync(GreetingSent sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var text = string.Join(" | ", sent.Message.Sections.Select(s => s.Text));
        Remember(MemoryKinds.Greeting, greetingsOptions.Value.Person, sent.DeviceId, text, sent.MadeBy, sent.Took.TotalMilliseconds, time.GetUtcNow());
        return Task.CompletedTask;
    }

    internal Task OnReminderAsync(ReminderDue due)
    {
        ArgumentNullException.ThrowIfNull(due);
        var reminder = due.Reminder;
        var start = TimeZoneInfo.ConvertTime(reminder.EventStart, _zone);
        var text = string.Create(CultureInfo.InvariantCulture, $"{reminder.Summary} at {start:H:mm}");
        if (reminder.Location is { } location)
        {
            text += ", " + location;
        }

        Remember(MemoryKinds.Reminder, reminder.Owner, null, text, "template", null, time.GetUtcNow());
        return Task.CompletedTask;
    }

    internal Task OnPlantAsync(PlantStateChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var s = change.Summary;
        var text = $"{s.PlantName}: {ConditionText(change.Previous)} → {ConditionText(change.Current.Condition)}";
        if (s.MoisturePercent is { } moisture)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", soil {moisture}%");
        }

        if (s.DaysUntilDry is { } days)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", dry in {days} days");
        }

        Remember(MemoryKinds.Plant, null, change.Pot.DeviceId, text, "template", null, time.GetUtcNow());
        return Task.CompletedTask;
    }

    internal Task OnFrameAsync(FrameAcceptedEventArgs frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Message is not EventMessage { Kind: EventKind.Wake or EventKind.Button } e
            || devices.Find(frame.DeviceId)?.Kind != EarbudKind)
        {
            return Task.CompletedTask;
        }

        var (kind, text) = e.Kind == EventKind.Wake
            ? (MemoryKinds.Wake, e.Reference == 0 ? "woke to listen" : string.Create(CultureInfo.InvariantCulture, $"woke to listen (audio stream {e.Reference})"))
            : (MemoryKinds.Button, ButtonText((ButtonAction)e.Code, e.Reference));
        Remember(kind, null, frame.DeviceId, text, "device", null, frame.ReceivedAt);
        return Task.CompletedTask;
    }

    private static string ButtonText(ButtonAction action, uint reference) => (action, reference) switch
    {
        (ButtonAction.Acknowledge, not 0) => string.Create(CultureInfo.InvariantCulture, $"acknowledged reminder {reference}"),
        (ButtonAction.Snooze, not 0) => string.Create(CultureInfo.InvariantCulture, $"snoozed reminder {reference}"),
        (ButtonAction.Acknowledge, _) => "acknowledged",
        (ButtonAction.Snooze, _) => "snoozed",
        (ButtonAction.PushToTalk, _) => "held to talk",
        _ => "pressed the button",
    };

    private static string ConditionText(PlantCondition condition) => condition switch
    {
        PlantCondition.Ok => "ok",
        PlantCondition.Thirsty => "thirsty",
        PlantCondition.Soggy => "soggy",
        PlantCondition.TooDark => "too dark",
        PlantCondition.TooCold => "too cold",
        PlantCondition.TooHot => "too hot",
        _ => "unknown",
    };

    private void Remember(string kind, string? person, string? device, string text, string madeBy, double? latencyMs, DateTimeOffset at)
    {
        try
        {
            var id = store.Add(at, kind, person, device, text, madeBy, latencyMs);
            MemoryLog.Remembered(logger, kind, id, device);
        }
        catch (SqliteException ex)
        {
            MemoryLog.NotRemembered(logger, kind, device, ex);
        }
    }
}
