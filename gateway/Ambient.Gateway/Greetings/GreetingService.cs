using System.Diagnostics;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Sensors;
using Ambient.Gateway.Telemetry;
using Ambient.Gateway.Weather;
using Ambient.Protocol;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Greetings;

/// <summary>
/// Answers a magnet that asks for its greeting (morning presence, a touch): gathers the facts, writes the text,
/// sends it to that magnet's display. The facts come from the other capabilities; nothing is made up here.
/// </summary>
public sealed class GreetingService(
    FrameIngestor ingestor,
    IDownlinkPublisher downlinks,
    WeatherService weather,
    ICalendarOccurrences calendar,
    PlantMonitor plants,
    MemoryStore memory,
    IOptions<GreetingsOptions> options,
    IOptions<CalendarOptions> calendarOptions,
    TimeProvider time,
    ILogger<GreetingService> logger,
    IndoorSensor? indoor = null) : IHostedService
{
    /// <summary>How many of the person's latest greetings, and from how far back, the writer sees.</summary>
    private const int RecentGreetings = 3;

    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(2);

    // The morning greeting written ahead of the morning window (see MorningPreparer); served once, to the first ask.
    private (DisplayMessage Message, DateTimeOffset At, TimeSpan Took)? _prepared;
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
        var clock = Stopwatch.StartNew();
        var message = TemplateGreeting.Compose(GatherFacts());
        lock (_preparedGate)
        {
            _prepared = (message, time.GetUtcNow(), clock.Elapsed);
        }
    }

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

    /// <summary>The facts as of now, in the household's time zone.</summary>
    public GreetingFacts GatherFacts()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendarOptions.Value.TimeZone);
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var report = weather.Current;
        var weatherFacts = report is null ? null : new WeatherFacts(
            (int)Math.Round(report.Forecast.TemperatureCelsius), (int)Math.Round(report.Forecast.HighCelsius),
            (int)Math.Round(report.Forecast.LowCelsius), report.Forecast.Condition, report.Forecast.PrecipitationProbabilityPercent, report.IsStale);
        var events = calendar.GetOccurrences(now, now.AddHours(18))
            .Where(o => o.Start >= now || o.IsAllDay)
            .Take(3)
            .Select(o => new EventFacts(o.Summary, TimeZoneInfo.ConvertTime(o.Start, zone), o.IsAllDay, o.Location))
            .ToList();
        var alerts = plants.GetSummaries()
            .Where(p => p.Condition is not (PlantCondition.Ok or PlantCondition.Unknown))
            .Select(p => new PlantFacts(p.PlantName, p.Condition, p.MoisturePercent, p.DaysUntilDry))
            .ToList();
        var person = options.Value.Person;
        var recent = memory.Recent(person, now - RecentWindow, RecentGreetings, MemoryKinds.Greeting).Select(m => m.Text).ToList();
        return new GreetingFacts(person, local, weatherFacts, events, alerts, recent, indoor?.FreshCelsius);
    }

    private async Task OnFrameAsync(FrameAcceptedEventArgs frame)
    {
        if (frame.Message is not EventMessage { Kind: EventKind.GreetingRequest or EventKind.Touch })
        {
            return;
        }

        var (message, took, madeBy) = TakePrepared() ?? Compose();
        message.Sequence = DownlinkSequence.Next();
        message.Timestamp = (uint)time.GetUtcNow().ToUnixTimeSeconds();
        try
        {
            await downlinks.PublishAsync(frame.DeviceId, Channel.Display, FrameEncoder.Encode(message), retain: false, CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            GreetingsLog.NotSent(logger, frame.DeviceId, e.Message);
            return;
        }

        GreetingsLog.Sent(logger, frame.DeviceId, madeBy, took.TotalMilliseconds);
        if (GreetingSentAsync is { } handlers)
        {
            await handlers(new GreetingSent(frame.DeviceId, message, madeBy, took));
        }
    }

    private (DisplayMessage Message, TimeSpan Took, string MadeBy) Compose()
    {
        var clock = Stopwatch.StartNew();
        var message = TemplateGreeting.Compose(GatherFacts());
        return (message, clock.Elapsed, "template");
    }

    // A prepared greeting is served while it is fresh (its facts may have moved on after that).
    private (DisplayMessage Message, TimeSpan Took, string MadeBy)? TakePrepared()
    {
        lock (_preparedGate)
        {
            var prepared = _prepared;
            _prepared = null;
            return prepared is { } p && time.GetUtcNow() - p.At <= MorningPreparer.FreshFor
                ? (p.Message, p.Took, "template, prepared")
                : null;
        }
    }
}
