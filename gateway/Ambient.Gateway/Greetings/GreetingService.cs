using Ambient.Gateway.Broker;
using Ambient.Gateway.Telemetry;
using Ambient.Language;
using Ambient.Protocol;

namespace Ambient.Gateway.Greetings;

/// <summary>
/// Answers a magnet that asks for its greeting (morning presence, a touch): the facts (<see cref="FactsBuilder"/>)
/// go to the writer (<see cref="GreetingWriter"/>: the model or the template) and the text to that magnet's
/// display. The morning greeting is written ahead by <see cref="MorningPreparer"/> and served to the first ask.
/// Every text sent is announced by <see cref="GreetingSentAsync"/> (memory, feed) with how it was made.
/// </summary>
public sealed class GreetingService(
    FrameIngestor ingestor,
    IDownlinkPublisher downlinks,
    FactsBuilder facts,
    GreetingWriter writer,
    TimeProvider time,
    ILogger<GreetingService> logger) : IHostedService
{
    // The morning greeting written ahead of the morning window; served once, to the first ask, while fresh.
    private (Facts Facts, GeneratedText Text, DateTimeOffset At)? _prepared;
    private readonly Lock _preparedGate = new();

    public event Func<GreetingSent, Task>? GreetingSentAsync;

    /// <summary>When the waiting morning greeting was written; null when none is waiting.</summary>
    public DateTimeOffset? PreparedAt
    {
        get
        {
            lock (_preparedGate)
            {
                return _prepared?.At;
            }
        }
    }

    /// <summary>Writes the morning greeting now, so the first person at the fridge gets it without waiting.</summary>
    public void PrepareMorningGreeting()
    {
        var f = facts.Greeting();
        var text = writer.Write(f);
        lock (_preparedGate)
        {
            _prepared = (f, text, time.GetUtcNow());
        }
    }

    /// <summary>The greeting's facts as of now (for tests and the API).</summary>
    public Facts GatherFacts() => facts.Greeting();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync += OnFrameAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync -= OnFrameAsync;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends <paramref name="message"/> to a device's display and announces it. Returns false (logged) when the
    /// broker could not take it.
    /// </summary>
    internal async Task<bool> SendAsync(string deviceId, DisplayMessage message, bool retain)
    {
        message.Sequence = DownlinkSequence.Next();
        message.Timestamp = (uint)time.GetUtcNow().ToUnixTimeSeconds();
        try
        {
            await downlinks.PublishAsync(deviceId, Channel.Display, FrameEncoder.Encode(message), retain, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (InvalidOperationException e)
        {
            GreetingsLog.NotSent(logger, deviceId, e.Message);
            return false;
        }
    }

    /// <summary>Tells the memory and the feed about a text (about <paramref name="deviceId"/>, shown on <paramref name="shownOn"/>).</summary>
    internal async Task AnnounceAsync(string? deviceId, IReadOnlyList<string> shownOn, Facts f, GeneratedText text, DisplayMessage message, string madeBy)
    {
        var to = shownOn.Count == 0 ? "no magnet" : string.Join(", ", shownOn);
        GreetingsLog.Sent(logger, f.Intent, to, madeBy, text.Milliseconds);
        if (GreetingSentAsync is { } handlers)
        {
            await handlers(new GreetingSent(deviceId, shownOn, f.Intent, f.Person, text.Text, message, madeBy, TimeSpan.FromMilliseconds(text.Milliseconds), text.Attempts)).ConfigureAwait(false);
        }
    }

    private async Task OnFrameAsync(FrameAcceptedEventArgs frame)
    {
        if (frame.Message is not EventMessage { Kind: EventKind.GreetingRequest or EventKind.Touch })
        {
            return;
        }

        var (f, text, madeBy) = TakePrepared() ?? Compose();
        var message = MagnetDisplay.Greeting(text.Text);
        if (await SendAsync(frame.DeviceId, message, retain: false).ConfigureAwait(false))
        {
            await AnnounceAsync(frame.DeviceId, [frame.DeviceId], f, text, message, madeBy).ConfigureAwait(false);
        }
    }

    private (Facts Facts, GeneratedText Text, string MadeBy) Compose()
    {
        var f = facts.Greeting();
        var text = writer.Write(f);
        return (f, text, GreetingWriter.Describe(text.MadeBy));
    }

    // A prepared greeting is served while it is fresh (its facts may have moved on after that).
    private (Facts Facts, GeneratedText Text, string MadeBy)? TakePrepared()
    {
        lock (_preparedGate)
        {
            var prepared = _prepared;
            _prepared = null;
            return prepared is { } p && time.GetUtcNow() - p.At <= MorningPreparer.FreshFor
                ? (p.Facts, p.Text, GreetingWriter.Describe(p.Text.MadeBy) + ", prepared")
                : null;
        }
    }
}
