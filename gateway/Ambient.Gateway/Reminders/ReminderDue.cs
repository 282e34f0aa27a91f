namespace Ambient.Gateway.Reminders;

/// <summary>
/// A reminder to deliver now (to <see cref="Reminder.Owner"/>'s earbud, or the household's devices when null).
/// <see cref="IsRepeat"/> is true when it fires again after a snooze.
/// </summary>
public sealed record ReminderDue(Reminder Reminder, bool IsRepeat, TimeSpan UntilStart);
