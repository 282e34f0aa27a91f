namespace Ambient.Language;

/// <summary>
/// Everything a text may say. The writer (model or template) turns these into words but never invents one of them:
/// every number, name and time in the text is filled in from here. <see cref="RecentTexts"/> are the latest texts
/// sent to the same person (newest first), so the writer can avoid repeating yesterday's opening.
/// </summary>
public sealed record Facts(
    Intent Intent,
    string Person,
    DateTimeOffset LocalTime,
    WeatherFacts? Weather,
    IReadOnlyList<EventFacts> NextEvents,
    IReadOnlyList<PlantFacts> Plants,
    IReadOnlyList<ReminderFacts> Reminders,
    TargetDevice Target,
    string Persona = "warm",
    int? IndoorCelsius = null,
    IReadOnlyList<string>? RecentTexts = null);

/// <summary>Today's weather; <see cref="IsStale"/> when the gateway is serving its last forecast while offline.</summary>
public sealed record WeatherFacts(
    int NowCelsius,
    int HighCelsius,
    int LowCelsius,
    string Condition,
    Sky Sky,
    int? RainChancePercent,
    bool IsStale = false);

/// <summary>A calendar occurrence, start in the household's local time.</summary>
public sealed record EventFacts(string Title, DateTimeOffset Start, bool IsAllDay, string? Location);

/// <summary>A pot worth mentioning.</summary>
public sealed record PlantFacts(string Name, PlantMood Mood, int? MoisturePercent, int? DaysUntilDry);

/// <summary>A reminder that is due (or about to be): the event it is for and when that starts, local time.</summary>
public sealed record ReminderFacts(string Title, DateTimeOffset At, string? Location);
