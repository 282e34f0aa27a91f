using Ambient.Gateway.Calendar;

namespace Ambient.Gateway.Tests.Reminders;

/// <summary>A calendar whose occurrences the test sets directly (the calendar parsing has its own tests).</summary>
internal sealed class FixedOccurrences : ICalendarOccurrences
{
    public List<CalendarOccurrence> Occurrences { get; } = [];

    public IReadOnlyCollection<string> LoadedCalendars => ["family"];

    public IReadOnlyList<CalendarOccurrence> GetOccurrences(DateTimeOffset from, DateTimeOffset until)
        => [.. Occurrences.Where(o => o.End > from && o.Start < until).OrderBy(o => o.Start)];

    public static CalendarOccurrence Event(string uid, DateTimeOffset start, TimeSpan? lead = null, string? summary = null) => new(
        "family", "anna", uid, summary ?? uid, null, start, start.AddHours(1), false, start, lead ?? TimeSpan.FromMinutes(10));
}
