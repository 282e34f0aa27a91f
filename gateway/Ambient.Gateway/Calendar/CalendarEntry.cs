namespace Ambient.Gateway.Calendar;

/// <summary>A configured calendar and its last good parsed copy (kept when a later load fails).</summary>
internal sealed class CalendarEntry(CalendarSourceOptions source)
{
    public CalendarSourceOptions Source { get; } = source;

    public Ical.Net.Calendar? Calendar { get; set; }

    public DateTimeOffset? LoadedAt { get; set; }

    public int Errors { get; set; }

    public string? LastError { get; set; }

    /// <summary>Ical.Net caches evaluation state inside the calendar object; one expansion at a time per calendar.</summary>
    public Lock Gate { get; } = new();
}
