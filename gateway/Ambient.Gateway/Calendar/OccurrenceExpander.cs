using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Ambient.Gateway.Calendar;

/// <summary>
/// Pure: a parsed calendar → its event occurrences overlapping a window, in the household's time zone. Ical.Net 5
/// does the RFC 5545 work (RRULE, EXDATE, RECURRENCE-ID overrides via Calendar.GetOccurrences, TZID through
/// NodaTime's tzdb); this class fixes the time-zone semantics: floating times and all-day dates are the household's
/// local time, zoned times are converted.
/// </summary>
public static class OccurrenceExpander
{
    /// <summary>An unbounded RRULE is lazily infinite; this caps a pathological one (FREQ=SECONDLY) per window.</summary>
    private const int MaxOccurrencesPerWindow = 10_000;

    public static IReadOnlyList<CalendarOccurrence> Expand(
        Ical.Net.Calendar calendar,
        CalendarSourceOptions source,
        TimeZoneInfo zone,
        DateTimeOffset from,
        DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(zone);

        // Window bounds in the household zone: zoned occurrences compare by instant, floating ones (all-day
        // events, floating times) by local wall time, which is exactly what Ical.Net does with a zoned bound.
        var start = new CalDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime, zone.Id);
        var end = new CalDateTime(TimeZoneInfo.ConvertTime(until, zone).DateTime, zone.Id);

        var result = new List<CalendarOccurrence>();
        foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(start).TakeWhileBefore(end).Take(MaxOccurrencesPerWindow))
        {
            if (occurrence.Source is not CalendarEvent calendarEvent || !calendarEvent.IsActive)
            {
                continue; // STATUS:CANCELLED occurrences are not events anyone should be reminded of
            }

            var occurrenceStart = ToHousehold(occurrence.Period.StartTime, zone);
            var occurrenceEnd = occurrence.Period.EffectiveEndTime is { } e ? ToHousehold(e, zone) : occurrenceStart;
            var original = calendarEvent.RecurrenceIdentifier is { } recurrenceId ? ToHousehold(recurrenceId.StartTime, zone) : occurrenceStart;
            result.Add(new CalendarOccurrence(
                source.Name,
                source.Owner,
                calendarEvent.Uid ?? $"{calendarEvent.Summary}@{original.ToUnixTimeSeconds()}",
                calendarEvent.Summary ?? "(no title)",
                calendarEvent.Location,
                occurrenceStart,
                occurrenceEnd,
                !occurrence.Period.StartTime.HasTime,
                original,
                source.LeadTime));
        }

        return result;
    }

    /// <summary>Floating and date-only values are household wall time; zoned and UTC values are instants.</summary>
    internal static DateTimeOffset ToHousehold(CalDateTime value, TimeZoneInfo zone)
    {
        if (value.IsFloating)
        {
            var local = value.Value;
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        return TimeZoneInfo.ConvertTime(new DateTimeOffset(value.AsUtc, TimeSpan.Zero), zone);
    }
}
