using Ambient.Protocol;

namespace Ambient.Gateway.Greetings;

/// <summary>
/// Everything a greeting may say, gathered from the gateway's own data. The writer turns these into words but
/// never invents one of them: every number, name and time in the text comes from here. <see cref="RecentTexts"/>
/// are the person's last greetings (newest first), so the writer can avoid repeating yesterday's opening.
/// <see cref="IndoorCelsius"/> is the gateway's own sensor, only while its reading is fresh (null otherwise).
/// </summary>
public sealed record GreetingFacts(
    string Person,
    DateTimeOffset LocalTime,
    WeatherFacts? Weather,
    IReadOnlyList<EventFacts> NextEvents,
    IReadOnlyList<PlantFacts> PlantAlerts,
    IReadOnlyList<string> RecentTexts,
    int? IndoorCelsius = null);

public sealed record WeatherFacts(int NowCelsius, int HighCelsius, int LowCelsius, string Condition, int? RainChancePercent, bool IsStale);

public sealed record EventFacts(string Title, DateTimeOffset Start, bool IsAllDay, string? Location);

public sealed record PlantFacts(string Name, PlantCondition Condition, int? MoisturePercent, int? DaysUntilDry);
