namespace Ambient.Gateway.Calendar;

/// <summary>Calendar log messages; event ids 3300–3399.</summary>
internal static partial class CalendarLog
{
    [LoggerMessage(3300, LogLevel.Information, "Calendar '{Name}' loaded: {Events} events")]
    public static partial void Loaded(ILogger logger, string name, int events);

    [LoggerMessage(3301, LogLevel.Error, "Calendar '{Name}' not loaded ({Errors} failures so far; last good copy from {LoadedAt:u} kept): {Reason}")]
    public static partial void LoadFailed(ILogger logger, string name, int errors, DateTimeOffset? loadedAt, string reason);

    [LoggerMessage(3302, LogLevel.Error, "Calendar '{Name}' could not be expanded; skipped: {Reason}")]
    public static partial void ExpandFailed(ILogger logger, string name, string reason);

    [LoggerMessage(3303, LogLevel.Warning, "Calendar '{Name}': cached copy unreadable: {Reason}")]
    public static partial void CacheUnreadable(ILogger logger, string name, string reason);
}
