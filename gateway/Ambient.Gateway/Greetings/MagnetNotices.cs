using System.Collections.Concurrent;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Telemetry;
using Ambient.Language;
using Ambient.Protocol;

namespace Ambient.Gateway.Greetings;

/// <summary>
/// The §7 triggers that nobody asked for: a pot's condition changed (<see cref="Intent.PlantReport"/>) or a
/// reminder is due (<see cref="Intent.Reminder"/>). The text is written like a greeting, remembered, and put on every
/// magnet's display (no audio; the earbud's spoken reminder is Voice's).
/// <para>
/// A magnet sleeps and only reads its down topics while it is awake, so the notice is published <b>retained</b>: the
/// broker hands it over when the magnet next subscribes, the magnet shows it and answers with an ack frame
/// (AckMessage for the display's sequence), and then the retained copy is cleared, so the next wake does not show it
/// again. One retained message per topic means a newer notice replaces one the magnet has not seen yet — a magnet
/// that slept through both shows the newer. A greeting the magnet asks for is sent unretained and simply
/// replaces the notice on screen.
/// </para>
/// </summary>
public sealed class MagnetNotices(
    GreetingService greetings,
    FactsBuilder facts,
    GreetingWriter writer,
    PlantMonitor plants,
    ReminderScheduler reminders,
    FrameIngestor ingestor,
    DeviceRegistry registry,
    IDownlinkPublisher downlinks,
    ILogger<MagnetNotices> logger) : IHostedService
{
    private static readonly string MagnetKind = DeviceKinds.NameOf(DeviceKind.FridgeMagnet);

    // Magnet → sequence of the retained notice waiting for its ack.
    private readonly ConcurrentDictionary<string, uint> _waiting = new(StringComparer.Ordinal);

    /// <summary>The sequence of the notice <paramref name="magnetId"/> has not acknowledged yet, if any.</summary>
    public uint? Waiting(string magnetId) => _waiting.TryGetValue(magnetId, out var s) ? s : null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        plants.StateChangedAsync += OnPlantAsync;
        reminders.ReminderDueAsync += OnReminderAsync;
        ingestor.FrameAcceptedAsync += OnFrameAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        plants.StateChangedAsync -= OnPlantAsync;
        reminders.ReminderDueAsync -= OnReminderAsync;
        ingestor.FrameAcceptedAsync -= OnFrameAsync;
        return Task.CompletedTask;
    }

    internal Task OnPlantAsync(PlantStateChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // A pot that is not judged yet (unknown) has nothing to report.
        return FactsBuilder.Plant(change.Summary) is null
            ? Task.CompletedTask
            : ShowAsync(change.Pot.DeviceId, facts.PlantReport(change.Summary), LayoutHint.PlantAlert);
    }

    internal Task OnReminderAsync(ReminderDue due)
    {
        ArgumentNullException.ThrowIfNull(due);
        return ShowAsync(null, facts.Reminder(due.Reminder, TargetDevice.Magnet), LayoutHint.Reminder);
    }

    private async Task ShowAsync(string? about, Facts f, LayoutHint hint)
    {
        var text = writer.Write(f);
        var message = MagnetDisplay.Notice(text.Text, hint);
        var shown = new List<string>();
        foreach (var magnet in registry.List().Where(d => d.Kind == MagnetKind))
        {
            // Each magnet gets its own sequence, which its ack names.
            var copy = MagnetDisplay.Notice(text.Text, hint);
            if (await greetings.SendAsync(magnet.Id, copy, retain: true).ConfigureAwait(false))
            {
                _waiting[magnet.Id] = copy.Sequence;
                shown.Add(magnet.Id);
            }
        }

        await greetings.AnnounceAsync(about, shown, f, text, message, GreetingWriter.Describe(text.MadeBy)).ConfigureAwait(false);
    }

    private async Task OnFrameAsync(FrameAcceptedEventArgs frame)
    {
        if (frame.Message is not AckMessage { AckedType: MessageType.Display } ack
            || !_waiting.TryGetValue(frame.DeviceId, out var sequence)
            || ack.AckedSequence != sequence
            || !_waiting.TryRemove(new KeyValuePair<string, uint>(frame.DeviceId, sequence)))
        {
            return;
        }

        try
        {
            await downlinks.ClearRetainedAsync(frame.DeviceId, Channel.Display, CancellationToken.None).ConfigureAwait(false);
            GreetingsLog.NoticeCleared(logger, frame.DeviceId);
        }
        catch (InvalidOperationException e)
        {
            GreetingsLog.NotSent(logger, frame.DeviceId, e.Message);
        }
    }
}
