namespace Ambient.Language;

/// <summary>
/// Reminder sentences (whole, with end mark, one sentence each so the earbud can say them). "{loc}" is an optional
/// location suffix. Titles are often verb phrases ("Take vitamins", "Bins out"), so no form says "&lt;title&gt; is …":
/// the title always stands alone next to its time. Gentle by design: what and when, never "don't forget".
/// A sentence is a lead, a core and an optional tail, so the same reminder can be said many ways.
/// </summary>
internal static class ReminderPhrases
{
    /// <summary>Whole plain sentences, best-liked first (the template's choice is the first).</summary>
    public static readonly string[] Plain =
    [
        "<reminder_title> at <reminder_time>{loc}.", "A gentle reminder: <reminder_title> at <reminder_time>{loc}.",
        "At <reminder_time>: <reminder_title>{loc}.", "<reminder_title>, at <reminder_time>{loc}.",
        "Coming up: <reminder_title> at <reminder_time>{loc}.", "On the list for <reminder_time>: <reminder_title>{loc}.",
    ];

    // "Lead: core{loc}{tail}." — leads end in a colon or comma; the core always has title and time side by side.
    public static readonly string[] Leads =
    [
        "A gentle reminder:", "Just a heads-up:", "Quick note:", "A small nudge:", "In a little while:", "For your list:",
        "Next on the list:", "Soon:", "A friendly note:", "Heads-up:", "Just so you know:", "Up shortly:",
        "On the schedule:", "Coming up soon:", "A little reminder:", "Noted for you:", "Pencilled in:", "On the way:",
        "From your reminders:", "A quiet nudge:", "Ahead:", "Your reminder:", "Right on schedule:", "Before long:",
        "Shortly:", "A tiny prompt:", "Don't mind me, but:", "Worth knowing:", "A word from the calendar:", "Gently now:",
        "Friendly heads-up:", "On your to-do list:", "Ticking closer:", "Lined up next:", "A reminder from home:",
        "Small thing:", "When you get a moment:", "Marked down:",
    ];

    public static readonly string[] Cores =
    [
        "<reminder_title> at <reminder_time>{loc}", "<reminder_title>, at <reminder_time>{loc}",
        "<reminder_title> around <reminder_time>{loc}", "<reminder_title> by <reminder_time>{loc}",
        "<reminder_time>, <reminder_title>{loc}", "<reminder_title> (<reminder_time>){loc}", "<reminder_title> for <reminder_time>{loc}",
        "<reminder_title> at about <reminder_time>{loc}",
    ];

    // Cores that lead with the time read well after a short "So," or on their own.
    public static readonly string[] TimeFirst =
    [
        "At <reminder_time>: <reminder_title>{loc}.", "Around <reminder_time>: <reminder_title>{loc}.",
        "Come <reminder_time>, <reminder_title>{loc}.", "Set for <reminder_time>: <reminder_title>{loc}.",
        "On the clock for <reminder_time>: <reminder_title>{loc}.", "When it's <reminder_time>: <reminder_title>{loc}.",
    ];

    public static readonly string[] Tails =
    [
        ", no rush", ", whenever suits", ", nice and easy", ", with time to spare", ", just so it's on your radar",
        ", all set", ", whenever you're ready", ", at your own pace", ", as planned", ", easy does it", ", in good time",
        ", nothing more to it", ", on your own terms", ", calm and steady", ", just a small thing", ", when it suits you",
        ", a quick one", ", then carry on", ", right on cue", ", all in good time",
    ];

    /// <summary>Forms that greet by name, each a whole sentence.</summary>
    public static readonly string[] Named =
    [
        "<name>, <reminder_title> at <reminder_time>{loc}.", "Hi <name>, a gentle reminder: <reminder_title> at <reminder_time>{loc}.",
        "Heads-up, <name>: <reminder_title> at <reminder_time>{loc}.", "<name>, just so you know: <reminder_title> at <reminder_time>{loc}.",
        "Hello <name>, at <reminder_time>: <reminder_title>{loc}.", "For you, <name>: <reminder_title> at <reminder_time>{loc}.",
        "Hey <name>, <reminder_title>, at <reminder_time>{loc}.", "<name>, coming up at <reminder_time>: <reminder_title>{loc}.",
        "A note for <name>: <reminder_title> around <reminder_time>{loc}.", "Hi <name>, on the list: <reminder_title> at <reminder_time>{loc}.",
    ];

    public static readonly string[] Location = [" at <reminder_location>", ", <reminder_location>", " (<reminder_location>)", " in <reminder_location>"];

    public static readonly string[] Nothing =
    [
        "Nothing is due right now, <name>.", "<name>, no reminders at the moment.", "All quiet for now, <name>.",
        "No reminders waiting, <name>.", "<name>, your list is clear for now.", "Nothing on the list right now, <name>.",
    ];

    public static readonly string[] Extra =
    [
        "plenty of time to get ready", "enjoy it", "there's time for a cup of tea first", "no rush at all", "you've got this",
        "one thing at a time", "easy does it", "take your time", "that's all for now", "everything else can wait",
        "a small step for the day", "nice and simple", "just one thing on the list", "all under control",
    ];
}
