using Ambient.Gateway.Reminders;
using Ambient.Protocol;

namespace Ambient.Gateway.Tests.Reminders;

public sealed class ReminderButtonTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ButtonAction.Acknowledge, ReminderButton.Answer.Acknowledge)]
    [InlineData(ButtonAction.Press, ReminderButton.Answer.Acknowledge)]
    [InlineData(ButtonAction.Snooze, ReminderButton.Answer.Snooze)]
    [InlineData(ButtonAction.PushToTalk, ReminderButton.Answer.None)]
    public void A_press_soon_after_a_reminder_answers_it(ButtonAction action, ReminderButton.Answer answer)
    {
        var pressed = new EventMessage { Kind = EventKind.Button, Code = (byte)action };

        Assert.Equal(answer, ReminderButton.Decide(pressed, Sent(minutesAgo: 3), Now));
    }

    [Fact]
    public void A_press_long_after_the_reminder_or_with_none_sent_answers_nothing()
    {
        var tap = new EventMessage { Kind = EventKind.Button, Code = (byte)ButtonAction.Acknowledge };

        Assert.Equal(ReminderButton.Answer.None, ReminderButton.Decide(tap, Sent(minutesAgo: 16), Now));
        Assert.Equal(ReminderButton.Answer.None, ReminderButton.Decide(tap, null, Now));
        Assert.Equal(ReminderButton.Answer.None, ReminderButton.Decide(new EventMessage { Kind = EventKind.Touch }, Sent(1), Now));
    }

    private static Reminder Sent(int minutesAgo) => new(
        1, "family", "uid-1", Now.AddMinutes(10), "Dentist", null, "Ana", Now.AddMinutes(10), Now.AddMinutes(-minutesAgo),
        ReminderStatus.Sent, null, 1, Now.AddMinutes(-minutesAgo));
}
