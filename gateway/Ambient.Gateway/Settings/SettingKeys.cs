namespace Ambient.Gateway.Settings;

/// <summary>
/// The configuration keys the dashboard may set. Each already belongs to a capability's options section, so a stored
/// setting reads exactly like the same key in appsettings.json (and is validated by that section's rules too).
/// </summary>
public static class SettingKeys
{
    public const string Latitude = "Weather:Latitude";
    public const string Longitude = "Weather:Longitude";
    public const string Person = "Greetings:Person";
    public const string Persona = "Greetings:Persona";
    public const string MorningStart = "Greetings:MorningStart";
    public const string MorningEnd = "Greetings:MorningEnd";
    public const string QuietStart = HouseholdOptions.Section + ":" + nameof(HouseholdOptions.QuietStart);
    public const string QuietEnd = HouseholdOptions.Section + ":" + nameof(HouseholdOptions.QuietEnd);

    /// <summary>Not a configuration key: the dashboard's calendars as JSON, expanded by the provider.</summary>
    public const string Calendars = "dashboard:calendars";

    public const string CalendarsSection = "Calendar:Calendars";
}
