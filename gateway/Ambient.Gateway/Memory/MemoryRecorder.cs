using System.Globalization;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Telemetry;
using Ambient.Language;
using Ambient.Protocol;
using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Memory;

/// <summary>
/// Writes every text written (greetings, plant reports, reminders: GreetingService.GreetingSentAsync) and every
/// earbud wake or button press into
/// <see cref="MemoryStore"/>. A failed write is logged and dropped: remembering must never stop the greeting,
/// reminder or plant downlink it records (the events' other subscribers run after this one).
/// </summary>
public sealed class MemoryRecorder(
    MemoryStore store,
    FrameIngestor ingestor,
    GreetingService greetings,
    DeviceRegistry devices,
    TimeProvider time,
    ILogger<MemoryRecorder> logger) : IHostedService
{
    private static readonly string EarbudKind = DeviceKinds.NameOf(DeviceKind.Earbud);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        greetings.GreetingSentAsync += OnGreetingAsync;
        ingestor.FrameAcceptedAsync += OnFrameAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        greetings.GreetingSentAsync -= OnGreetingAsync;
        ingestor.FrameAcceptedAsync -= OnFrameAsync;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every written text — a greeting, a plant report, a reminder shown on the magnets — with how it was made and
    /// how long that took; the kind follows the text's intent.
    /// </summary>
    internal Task OnGreetingAsync(GreetingSent sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var kind = sent.Intent switch
        {
            Intent.PlantReport => MemoryKinds.Plant,
            Intent.Reminder => MemoryKinds.Reminder,
            Intent.WhatsNext => MemoryKinds.Wake,
            _ => MemoryKinds.Greeting,
        };
        Remember(kind, sent.Person, sent.DeviceId, sent.Text, sent.MadeBy, sent.Took.TotalMilliseconds, time.GetUtcNow());
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
