namespace Ambient.Gateway.Reminders;

/// <summary>One row of GET /api/reminders.</summary>
public sealed record ReminderView(
    long Id,
    string Calendar,
    string Summary,
    string? Location,
    string? Owner,
    DateTimeOffset EventStart,
    DateTimeOffset DueAt,
    string Status,
    DateTimeOffset? SnoozedUntil,
    int TimesSent)
{
    public static ReminderView From(Reminder r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Calendar, r.Summary, r.Location, r.Owner, r.EventStart, r.DueAt, ReminderStatusText.ToText(r.Status), r.SnoozedUntil, r.TimesSent);
    }
}
