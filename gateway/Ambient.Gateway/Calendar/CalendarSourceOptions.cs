namespace Ambient.Gateway.Calendar;

/// <summary>One entry of Calendar:Calendars: an .ics file or URL, whose it is, and how early to remind.</summary>
public sealed class CalendarSourceOptions
{
    /// <summary>Unique name, used in logs, errors and reminder keys ("family", "anna-work").</summary>
    public string Name { get; set; } = "";

    /// <summary>Path of an .ics file (relative: the working directory, then the application directory). Set this or <see cref="Url"/>.</summary>
    public string? Path { get; set; }

    /// <summary>http(s) URL of an .ics feed (no auth, like Home Assistant's remote_calendar). Set this or <see cref="Path"/>.</summary>
    public Uri? Url { get; set; }

    /// <summary>Whose calendar it is, so the earbud that speaks a reminder is the owner's.</summary>
    public string? Owner { get; set; }

    /// <summary>How long before an event starts its reminder is due.</summary>
    public TimeSpan LeadTime { get; set; } = TimeSpan.FromMinutes(10);
}
