namespace Ambient.Gateway.Calendar;

/// <summary>The "Calendar" section: the household's time zone and its calendars.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>IANA id of the household's time zone; occurrences are expanded and reported in it.</summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    public IList<CalendarSourceOptions> Calendars { get; } = [];

    /// <summary>How often files are re-read and URLs re-fetched (Home Assistant's caldav polls about every 15 min).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(15);
}
