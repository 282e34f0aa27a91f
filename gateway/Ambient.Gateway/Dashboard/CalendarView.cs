using Ambient.Gateway.Calendar;

namespace Ambient.Gateway.Dashboard;

/// <summary>GET /api/dashboard/calendar: the next week's occurrences and the calendars' load state.</summary>
public sealed record CalendarView(
    string TimeZone,
    IReadOnlyList<CalendarOccurrence> Upcoming,
    IReadOnlyList<CalendarStatus> Calendars);
