namespace Ambient.Gateway.Calendar;

/// <summary>
/// One occurrence of an event, in the household's time zone. <see cref="OriginalStart"/> identifies the occurrence
/// within its series (its RECURRENCE-ID when an override moved it), so a moved occurrence keeps its identity.
/// </summary>
public sealed record CalendarOccurrence(
    string Calendar,
    string? Owner,
    string Uid,
    string Summary,
    string? Location,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsAllDay,
    DateTimeOffset OriginalStart,
    TimeSpan LeadTime);
