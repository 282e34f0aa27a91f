namespace Ambient.Gateway.Calendar;

/// <summary>Parses .ics text with Ical.Net, turning every failure into a <see cref="CalendarLoadException"/> naming the calendar.</summary>
public static class IcsParser
{
    public static Ical.Net.Calendar Parse(string calendarName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.TrimStart().StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            throw new CalendarLoadException($"calendar '{calendarName}': not an iCalendar file (it does not start with BEGIN:VCALENDAR)");
        }

        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Ical.Net reports syntax problems with several exception types (serialization, format, argument,
            // invalid operation for more than one VCALENDAR); all mean the same thing here: this file is unusable.
            throw new CalendarLoadException($"calendar '{calendarName}': {ex.Message}", ex);
        }

        return calendar ?? throw new CalendarLoadException($"calendar '{calendarName}': no VCALENDAR component found");
    }
}
