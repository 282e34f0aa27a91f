using Ambient.Protocol;

namespace Ambient.Gateway.Reminders;

/// <summary>
/// The earbud's button answers the reminder it just heard: a tap means done, a long press means "again in a few
/// minutes". Pure decision, so the rule is tested without a broker: only a reminder delivered within
/// <see cref="AnswerWindow"/> can be answered, so a tap hours later does not silently close something.
/// </summary>
public static class ReminderButton
{
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SnoozeFor = TimeSpan.FromMinutes(10);

    public enum Answer
    {
        None,
        Acknowledge,
        Snooze,
    }

    public static Answer Decide(EventMessage pressed, Reminder? latestSent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pressed);
        if (pressed.Kind != EventKind.Button || latestSent?.LastSentAt is not { } sentAt || now - sentAt > AnswerWindow)
        {
            return Answer.None;
        }

        return (ButtonAction)pressed.Code switch
        {
            ButtonAction.Acknowledge or ButtonAction.Press => Answer.Acknowledge,
            ButtonAction.Snooze => Answer.Snooze,
            _ => Answer.None,
        };
    }
}
