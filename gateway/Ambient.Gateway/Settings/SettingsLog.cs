namespace Ambient.Gateway.Settings;

internal static partial class SettingsLog
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Settings saved from the dashboard: location {Latitude}, {Longitude}; morning {MorningStart}–{MorningEnd}; {Calendars} dashboard calendar(s)")]
    public static partial void Saved(ILogger logger, double latitude, double longitude, string morningStart, string morningEnd, int calendars);
}
