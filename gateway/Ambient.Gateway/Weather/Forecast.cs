namespace Ambient.Gateway.Weather;

/// <summary>
/// Today's weather at the household: now, today's range and the chance of rain. <see cref="ObservedAt"/> is the
/// provider's time for "current" (local time with the location's offset); <see cref="FetchedAt"/> is when the
/// gateway got it, from which staleness is judged.
/// </summary>
public sealed record Forecast(
    DateTimeOffset FetchedAt,
    DateTimeOffset ObservedAt,
    string TimeZone,
    double TemperatureCelsius,
    int WeatherCode,
    string Condition,
    DateOnly Day,
    double HighCelsius,
    double LowCelsius,
    int? PrecipitationProbabilityPercent,
    int DayWeatherCode,
    string DayCondition);
