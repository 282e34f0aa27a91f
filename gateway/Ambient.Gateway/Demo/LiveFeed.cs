using System.Globalization;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Telemetry;
using Ambient.Protocol;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Demo;

/// <summary>
/// The demo's readable feed: what the household's devices say and what the gateway does about it, one line each,
/// stamped with the household's (accelerated) local time.
/// </summary>
public sealed class LiveFeed(
    FrameIngestor ingestor,
    PlantMonitor plants,
    ReminderScheduler reminders,
    GreetingService greetings,
    IOptions<CalendarOptions> calendar,
    TimeProvider time,
    TextWriter output) : IHostedService
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone);
    private readonly Lock _gate = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync += OnFrameAsync;
        plants.StateChangedAsync += OnPlantAsync;
        plants.WateredAsync += OnWateredAsync;
        reminders.ReminderDueAsync += OnReminderAsync;
        greetings.GreetingSentAsync += OnGreetingAsync;
        Write("gateway", "demo started: embedded broker, fresh SQLite in .ambient/, simulated household on an accelerated clock");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync -= OnFrameAsync;
        plants.StateChangedAsync -= OnPlantAsync;
        plants.WateredAsync -= OnWateredAsync;
        reminders.ReminderDueAsync -= OnReminderAsync;
        greetings.GreetingSentAsync -= OnGreetingAsync;
        Write("gateway", "demo stopped");
        return Task.CompletedTask;
    }

    private Task OnFrameAsync(FrameAcceptedEventArgs frame)
    {
        var line = frame.Message switch
        {
            HelloMessage h => $"connected (firmware {h.FirmwareMajor}.{h.FirmwareMinor}.{h.FirmwarePatch})",
            TelemetryMessage t => Describe(t),
            EventMessage { Kind: EventKind.Presence } => "someone walked up",
            EventMessage { Kind: EventKind.Touch } => "was touched",
            EventMessage { Kind: EventKind.GreetingRequest } => "asks for the greeting",
            EventMessage { Kind: EventKind.Wake } => "held to talk",
            EventMessage { Kind: EventKind.Button } e => $"button: {((ButtonAction)e.Code).ToString().ToLowerInvariant()}",
            AudioChunkMessage a when a.AudioFlags.HasFlag(AudioFlags.Final) =>
                $"sent {(a.Index + 1).ToString(CultureInfo.InvariantCulture)} chunks of speech (stream {a.StreamId.ToString(CultureInfo.InvariantCulture)})",
            _ => null,
        };
        if (line is not null)
        {
            Write(frame.DeviceId, line);
        }

        return Task.CompletedTask;
    }

    private Task OnPlantAsync(PlantStateChanged change)
    {
        var s = change.Summary;
        var moisture = s.MoisturePercent is { } m ? $", soil {m}%" : "";
        var dry = s.DaysUntilDry is { } d ? $", dry in {d} days" : "";
        Write(change.Pot.DeviceId, $"{s.PlantName}: {Name(change.Previous)} → {Name(change.Current.Condition)}{moisture}{dry}");
        return Task.CompletedTask;
    }

    private Task OnWateredAsync(PlantWatered watered)
    {
        Write(watered.Pot.DeviceId, $"{watered.Pot.PlantName} was watered");
        return Task.CompletedTask;
    }

    private Task OnReminderAsync(ReminderDue due)
    {
        var start = TimeZoneInfo.ConvertTime(due.Reminder.EventStart, _zone);
        Write("reminder", $"{due.Reminder.Summary} at {start:H:mm} (in {(int)Math.Round(due.UntilStart.TotalMinutes)} min){(due.IsRepeat ? ", again" : "")}");
        return Task.CompletedTask;
    }

    private Task OnGreetingAsync(GreetingSent sent)
    {
        // A greeting is the asking magnet's; a plant report or reminder goes to every magnet at its next wake.
        var text = string.Join(" | ", sent.Message.Sections.Select(s => s.Text));
        var who = sent.Intent == Ambient.Language.Intent.MorningGreeting ? sent.DeviceId ?? "magnet" : string.Join(",", sent.ShownOn) is { Length: > 0 } m ? m : "memory";
        var verb = sent.Intent == Ambient.Language.Intent.MorningGreeting ? "shows" : "will show";
        Write(who, $"{verb} \"{text}\" ({sent.MadeBy}, {sent.Took.TotalMilliseconds:F1} ms)");
        return Task.CompletedTask;
    }

    private static string Describe(TelemetryMessage t)
    {
        var last = t.Readings.Where(r => r.Sample == t.SampleOffsets.Length - 1).ToList();
        var parts = last.Select(r => r.Kind switch
        {
            SensorKind.SoilMoisturePermille => $"soil {r.Value / 10}%",
            SensorKind.TemperatureCentiCelsius => $"{r.Value / 100.0:F1} °C",
            SensorKind.HumidityPermille => $"{r.Value / 10}% RH",
            SensorKind.IlluminanceLux => $"{r.Value} lx",
            SensorKind.BatteryMillivolts => $"{r.Value / 1000.0:F2} V",
            _ => null,
        }).Where(p => p is not null);
        var samples = t.SampleOffsets.Length == 1 ? "1 sample" : $"{t.SampleOffsets.Length} samples";
        return $"{samples}{(t.Flags.HasFlag(FrameFlags.Replay) && t.SampleOffsets.Length > 1 ? " from flash" : "")}, latest: {string.Join(", ", parts)}";
    }

    private static string Name(PlantCondition condition) => condition switch
    {
        PlantCondition.Ok => "ok",
        PlantCondition.Thirsty => "thirsty",
        PlantCondition.Soggy => "soggy",
        PlantCondition.TooDark => "too dark",
        PlantCondition.TooCold => "too cold",
        PlantCondition.TooHot => "too hot",
        _ => "unknown",
    };

    private void Write(string who, string what)
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone);
        lock (_gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{local:ddd HH:mm}] {who,-16} {what}"));
        }
    }
}
