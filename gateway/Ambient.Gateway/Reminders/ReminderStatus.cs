namespace Ambient.Gateway.Reminders;

/// <summary>Where a reminder is in its life; stored as lower-case text.</summary>
public enum ReminderStatus
{
    /// <summary>Planned; fires at its due time if the event has not started yet.</summary>
    Pending,

    /// <summary>Delivered once; never delivered again unless snoozed.</summary>
    Sent,

    /// <summary>The person confirmed it (earbud button); done.</summary>
    Acknowledged,

    /// <summary>Fires again at its snooze time.</summary>
    Snoozed,

    /// <summary>The gateway was down from its due time until the event started; too late to remind.</summary>
    Missed,

    /// <summary>The occurrence disappeared from its calendar before the reminder fired.</summary>
    Cancelled,
}
