namespace Ambient.Gateway.Weather;

/// <summary>
/// The forecast to use now. <see cref="IsStale"/> is true when it could not be refreshed (network or API down,
/// malformed answer) or is older than Weather:StaleAfter; <see cref="Age"/> says how old, so a greeting can say
/// "as of this morning" instead of presenting old numbers as current.
/// </summary>
public sealed record WeatherReport(Forecast Forecast, bool IsStale, TimeSpan Age, string? LastError);
