using Ambient.Gateway.Calendar;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Sensors;
using Ambient.Gateway.Weather;
using Ambient.Language;
using Ambient.Protocol;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Greetings;

/// <summary>
/// Builds the <see cref="Facts"/> every text is written from, out of the gateway's own data (weather, calendar,
/// plants, reminders, the indoor sensor, memory), in the household's time zone. Nothing is made up here: a missing
/// value stays missing (no weather → null, a stale forecast is marked stale). Voice (the earbud) calls
/// <see cref="Reminder"/> and <see cref="WhatsNext"/>; the magnet's greeting and notices use the rest.
/// </summary>
public sealed class FactsBuilder(
    WeatherService weather,
    ICalendarOccurrences calendar,
    PlantMonitor plants,
    ReminderScheduler reminders,
    MemoryStore memory,
    IOptionsMonitor<GreetingsOptions> options,
    IOptions<CalendarOptions> calendarOptions,
    TimeProvider time,
    IndoorSensor? indoor = null)
{
    /// <summary>How many of the person's latest texts, and from how far back, the writer sees.</summary>
    private const int RecentCount = 3;

    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(2);

    /// <summary>How far ahead the calendar is read for "next events".</summary>
    private static readonly TimeSpan Ahead = TimeSpan.FromHours(18);

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(calendarOptions.Value.TimeZone);

    /// <summary>The greeting a magnet asks for: weather, next events, plants that need something.</summary>
    public Facts Greeting(TargetDevice target = TargetDevice.Magnet) =>
        Base(Intent.MorningGreeting, target, MemoryKinds.Greeting) with
        {
            Weather = WeatherNow(),
            NextEvents = NextEvents(),
            Plants = [.. plants.GetSummaries().Where(p => p.Condition is not (PlantCondition.Ok or PlantCondition.Unknown)).Select(Plant).OfType<PlantFacts>()],
        };

    /// <summary>A pot whose shown condition changed (<see cref="PlantMonitor.StateChangedAsync"/>).</summary>
    public Facts PlantReport(PlantSummary changed, TargetDevice target = TargetDevice.Magnet)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return Base(Intent.PlantReport, target, MemoryKinds.Plant) with { Plants = Plant(changed) is { } p ? [p] : [] };
    }

    /// <summary>A reminder that is due, for its owner (the household's person when it has none).</summary>
    public Facts Reminder(Reminder reminder, TargetDevice target = TargetDevice.Earbud)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return Base(Intent.Reminder, target, MemoryKinds.Reminder, reminder.Owner) with
        {
            Reminders = [new ReminderFacts(reminder.Summary, Local(reminder.EventStart), reminder.Location)],
        };
    }

    /// <summary>
    /// "What's next?": the next calendar events and the reminder last delivered to <paramref name="owner"/> that is
    /// still ahead (it may not have been heard).
    /// </summary>
    public Facts WhatsNext(TargetDevice target = TargetDevice.Earbud, string? owner = null)
    {
        var now = time.GetUtcNow();
        var open = reminders.LatestSent(owner) is { } r && r.EventStart >= now
            ? new List<ReminderFacts> { new(r.Summary, Local(r.EventStart), r.Location) }
            : [];
        return Base(Intent.WhatsNext, target, MemoryKinds.Wake, owner) with { NextEvents = NextEvents(), Reminders = open };
    }

    /// <summary>Maps a pot's condition onto the writer's moods; null for one not judged yet.</summary>
    public static PlantFacts? Plant(PlantSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        PlantMood? mood = summary.Condition switch
        {
            PlantCondition.Ok => PlantMood.Ok,
            PlantCondition.Thirsty => PlantMood.Thirsty,
            PlantCondition.Soggy => PlantMood.Soggy,
            PlantCondition.TooDark => PlantMood.TooDark,
            PlantCondition.TooCold => PlantMood.TooCold,
            PlantCondition.TooHot => PlantMood.TooHot,
            _ => null,
        };
        return mood is { } m ? new PlantFacts(summary.PlantName, m, summary.MoisturePercent, summary.DaysUntilDry) : null;
    }

    /// <summary>The coarse sky class of a WMO weather code (same classes as the weather capability's).</summary>
    public static Sky SkyOf(int wmoCode) => WmoCodes.Describe(wmoCode).Kind switch
    {
        WeatherKind.Clear => Sky.Clear,
        WeatherKind.Cloudy => Sky.Cloudy,
        WeatherKind.Fog => Sky.Fog,
        WeatherKind.Drizzle => Sky.Drizzle,
        WeatherKind.Rain => Sky.Rain,
        WeatherKind.FreezingRain => Sky.FreezingRain,
        WeatherKind.Snow => Sky.Snow,
        WeatherKind.Thunderstorm => Sky.Thunderstorm,
        _ => Sky.Unknown,
    };

    private Facts Base(Intent intent, TargetDevice target, string memoryKind, string? person = null)
    {
        var o = options.CurrentValue;
        var who = person ?? o.Person;
        var now = time.GetUtcNow();
        var recent = memory.Recent(who, now - RecentWindow, RecentCount, memoryKind).Select(m => m.Text).ToList();
        return new Facts(intent, who, Local(now), null, [], [], [], target, o.Persona, indoor?.FreshCelsius, recent);
    }

    private WeatherFacts? WeatherNow()
    {
        if (weather.Current is not { } report)
        {
            return null;
        }

        var f = report.Forecast;
        return new WeatherFacts(
            (int)Math.Round(f.TemperatureCelsius), (int)Math.Round(f.HighCelsius), (int)Math.Round(f.LowCelsius),
            f.Condition, SkyOf(f.WeatherCode), f.PrecipitationProbabilityPercent, report.IsStale);
    }

    private List<EventFacts> NextEvents()
    {
        var now = time.GetUtcNow();
        return [.. calendar.GetOccurrences(now, now + Ahead)
            .Where(o => o.Start >= now || o.IsAllDay)
            .Take(3)
            .Select(o => new EventFacts(o.Summary, Local(o.Start), o.IsAllDay, o.Location))];
    }

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);
}
