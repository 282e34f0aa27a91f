namespace Ambient.Gateway.Calendar;

/// <summary>What reminders and greetings read from the calendars.</summary>
public interface ICalendarOccurrences
{
    /// <summary>Occurrences of every loaded calendar overlapping [from, until), ordered by start.</summary>
    IReadOnlyList<CalendarOccurrence> GetOccurrences(DateTimeOffset from, DateTimeOffset until);

    /// <summary>Names of the calendars that currently have a parsed copy (fresh or last good).</summary>
    IReadOnlyCollection<string> LoadedCalendars { get; }
}
