namespace Ambient.Gateway.Settings;

/// <summary>
/// The settings page's form, as GET /api/settings returns it and PUT /api/settings takes it. Times are local
/// "HH:mm"; quiet hours may be left empty (no quiet hours).
/// </summary>
public sealed record SettingsForm(
    double? Latitude,
    double? Longitude,
    string? Person,
    string? Persona,
    string? MorningStart,
    string? MorningEnd,
    string? QuietStart,
    string? QuietEnd,
    IReadOnlyList<CalendarSetting>? Calendars);
