namespace Ambient.Language;

/// <summary>
/// Reminder sentences (whole, with end mark, one sentence each so the earbud can say them). "{loc}" is an optional
/// location suffix. Gentle by design: a reminder says what and when, never "don't forget".
/// </summary>
internal static class ReminderPhrases
{
    public static readonly string[] Plain =
    [
        "<reminder_title> at <reminder_time>{loc}.", "A gentle reminder: <reminder_title> at <reminder_time>{loc}.",
        "Just a heads-up, <reminder_title> starts at <reminder_time>{loc}.", "Coming up: <reminder_title> at <reminder_time>{loc}.",
        "<reminder_title> is at <reminder_time>{loc}.", "Quick note: <reminder_title> begins at <reminder_time>{loc}.",
        "In a little while: <reminder_title> at <reminder_time>{loc}.", "<reminder_title> is coming up at <reminder_time>{loc}.",
        "A small nudge: <reminder_title> at <reminder_time>{loc}.",
    ];

    public static readonly string[] Named =
    [
        "<name>, <reminder_title> is at <reminder_time>{loc}.", "Hi <name>, a gentle reminder: <reminder_title> at <reminder_time>{loc}.",
        "Heads-up, <name>: <reminder_title> at <reminder_time>{loc}.", "<name>, just so you know, <reminder_title> starts at <reminder_time>{loc}.",
        "Hello <name>, <reminder_title> is coming up at <reminder_time>{loc}.",
    ];

    public static readonly string[] Location = [" at <reminder_location>", ", <reminder_location>", " (<reminder_location>)", " in <reminder_location>"];

    public static readonly string[] Nothing = ["Nothing is due right now, <name>.", "<name>, no reminders at the moment.", "All quiet for now, <name>."];

    public static readonly string[] Extra = ["plenty of time to get ready", "enjoy it", "there's time for a cup of tea first"];
}
