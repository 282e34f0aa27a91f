namespace Ambient.Gateway.Weather;

/// <summary>Weather log messages; event ids 3200–3299.</summary>
internal static partial class WeatherLog
{
    [LoggerMessage(3200, LogLevel.Information, "Weather refreshed: {Temperature} °C, {Condition}")]
    public static partial void Refreshed(ILogger logger, double temperature, string condition);

    [LoggerMessage(3201, LogLevel.Warning, "Weather unreachable ({Failures} failures so far); serving the forecast from {FetchedAt:u}: {Reason}")]
    public static partial void Unreachable(ILogger logger, int failures, DateTimeOffset? fetchedAt, string reason);

    [LoggerMessage(3202, LogLevel.Error, "Weather answer malformed ({Failures} so far); keeping the last good forecast: {Reason}")]
    public static partial void Malformed(ILogger logger, int failures, string reason);

    [LoggerMessage(3203, LogLevel.Warning, "Weather cache not written: {Reason}")]
    public static partial void CacheWriteFailed(ILogger logger, string reason);

    [LoggerMessage(3204, LogLevel.Warning, "{Reason}")]
    public static partial void CacheUnreadable(ILogger logger, string reason);
}
