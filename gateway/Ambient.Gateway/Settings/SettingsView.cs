namespace Ambient.Gateway.Settings;

/// <summary>
/// GET /api/settings: the values in force (from any source), the calendars that come from the configuration files
/// (shown, not editable here), the household's time zone and when the dashboard last saved.
/// </summary>
public sealed record SettingsView(
    SettingsForm Current,
    IReadOnlyList<CalendarSetting> ConfiguredCalendars,
    string TimeZone,
    IReadOnlyList<string> Personas,
    DateTimeOffset? SavedAt);
