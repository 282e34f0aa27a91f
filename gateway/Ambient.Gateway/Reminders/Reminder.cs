namespace Ambient.Gateway.Reminders;

/// <summary>
/// One reminder, identified by (calendar, event uid, occurrence) and by <see cref="Id"/> (what the earbud's
/// acknowledge/snooze refer to). Also the row of GET /api/reminders.
/// </summary>
public sealed record Reminder(
    long Id,
    string Calendar,
    string EventUid,
    DateTimeOffset OccurrenceStart,
    string Summary,
    string? Location,
    string? Owner,
    DateTimeOffset EventStart,
    DateTimeOffset DueAt,
    ReminderStatus Status,
    DateTimeOffset? SnoozedUntil,
    int TimesSent,
    DateTimeOffset? LastSentAt);
