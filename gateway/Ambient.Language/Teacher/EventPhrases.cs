namespace Ambient.Language;

/// <summary>
/// Event clauses. '#' stands for the event's number; "{loc}" for an optional location suffix (absent when the
/// event has none). Today, tomorrow and later days have their own words, so the text never says "tomorrow" for
/// today's dentist. Titles are often verb phrases ("Pick up Leo"), so no form says "&lt;title&gt; is …" or
/// "you have &lt;title&gt;": the title stands next to its time, after a lead ("first up:") or before a plain "at".
/// </summary>
internal static class EventPhrases
{
    private const string TitleAtTime = "<event#_title> at <event#_time>{loc}";

    // Title-and-time cores that read well after any of the leads below.
    private static readonly string[] Cores =
    [
        TitleAtTime, "<event#_title>, <event#_time>{loc}", "<event#_title> (<event#_time>){loc}", "<event#_time>, <event#_title>{loc}",
        "<event#_title>, starting <event#_time>{loc}", "<event#_title>, set for <event#_time>{loc}", "<event#_title> at <event#_time> sharp{loc}",
        "<event#_title>, due at <event#_time>{loc}", "<event#_title> from <event#_time>{loc}", "<event#_title>, kicking off at <event#_time>{loc}",
        "<event#_title>, booked for <event#_time>{loc}", "<event#_title>, planned for <event#_time>{loc}", "<event#_time> sees <event#_title>{loc}",
        "<event#_title>, beginning <event#_time>{loc}", "<event#_title> on the dot of <event#_time>{loc}", "<event#_title>, scheduled for <event#_time>{loc}",
        "<event#_title>, from <event#_time> onwards{loc}", "<event#_title>, the <event#_time> slot{loc}", "<event#_title> when the clock hits <event#_time>{loc}",
    ];

    private static readonly string[] FirstLeads =
    [
        "first up:", "on the calendar:", "your first thing:", "to start with:", "first on the list:", "the day's first item:",
        "early on:", "on the agenda:", "kicking things off:", "penciled in:", "in the diary:", "the plan begins with",
        "starting with", "up first,", "one thing to note:", "ahead today:", "your calendar says", "top of the list:",
        "today's first stop:", "worth knowing:", "the calendar shows", "scheduled first:", "on today's list:", "heads-up:", "lined up:",
        "the first plan:", "jotted down:", "for your diary:", "today holds", "in store today:",
    ];

    private static readonly string[] MorningLeads =
        ["your day starts with", "the day opens with", "this morning brings", "the morning holds", "the day kicks off with", "today begins with"];

    private static readonly string[] NextLeads =
    [
        "next up:", "coming up:", "your next thing:", "after this:", "on deck:", "right after:", "what's next:",
        "then comes", "next on the calendar:", "still ahead:", "the next stop:", "soon:", "straight after:", "looking ahead:",
        "after that:", "waiting for you:", "the next thing:", "up after this:", "on the horizon:", "next stop on the calendar:",
    ];

    private static readonly string[] LaterLeads =
    [
        "then", "after that,", "later,", "and later,", "further on,", "after which,", "next,", "later on,", "afterwards,",
        "plus", "also", "and then", "still to come:", "followed by",
        "after which comes", "later still,", "rounding things off,", "then later,", "further along,",
    ];

    private static readonly string[] EveningLeads = ["still on today:", "one more today:", "left for today:", "later today:", "still to come today:"];

    private static readonly string[] TomorrowLeads =
    [
        "tomorrow starts with", "first thing tomorrow:", "tomorrow brings", "tomorrow:", "on tomorrow's calendar:",
        "tomorrow's first item:", "for tomorrow:", "lined up for tomorrow:", "tomorrow opens with", "in tomorrow's diary:",
        "tomorrow, first up:", "ahead tomorrow:", "tomorrow's plan:", "come tomorrow,",
    ];

    private static readonly string[] DayLeads =
    [
        "on <event#_day>:", "coming <event#_day>:", "looking ahead to <event#_day>:", "<event#_day> brings", "on the calendar for <event#_day>:",
        "<event#_day>'s plan:", "later in the week, <event#_day>:", "in the diary for <event#_day>:", "<event#_day> starts with",
        "come <event#_day>:", "pencilled in for <event#_day>:", "<event#_day> holds", "set for <event#_day>:", "when <event#_day> comes:",
        "on <event#_day>'s list:", "<event#_day>, first thing:",
    ];

    private static readonly string[] LaterTomorrowLeads = ["then tomorrow", "and tomorrow", "later tomorrow,", "tomorrow also", "after that tomorrow,"];

    public static readonly string[] FirstToday =
        [TitleAtTime, "at <event#_time>: <event#_title>{loc}", .. Lead(FirstLeads)];

    public static readonly string[] MorningFirst = [.. Lead(MorningLeads)];

    public static readonly string[] EveningToday = [.. Lead(EveningLeads)];

    public static readonly string[] NextToday =
        ["next up: <event#_title> at <event#_time>{loc}", "<event#_title> at <event#_time>{loc} is next", .. Lead(NextLeads)];

    public static readonly string[] LaterToday =
        ["then <event#_title> at <event#_time>{loc}", .. Lead(LaterLeads)];

    public static readonly string[] AllDayToday =
    [
        "<event#_title> all day{loc}", "today is <event#_title>{loc}", "<event#_title> runs all day{loc}", "it's <event#_title> today{loc}",
        "all day today: <event#_title>{loc}", "the whole day: <event#_title>{loc}", "today belongs to <event#_title>{loc}",
        "on the calendar all day: <event#_title>{loc}",
    ];

    public static readonly string[] FirstTomorrow = ["<event#_title> tomorrow at <event#_time>{loc}", "tomorrow at <event#_time>, <event#_title>{loc}", .. Lead(TomorrowLeads)];

    public static readonly string[] LaterTomorrow = [.. Lead(LaterTomorrowLeads)];

    public static readonly string[] AllDayTomorrow =
    [
        "tomorrow is <event#_title>{loc}", "<event#_title> all day tomorrow{loc}", "<event#_title> takes up tomorrow{loc}",
        "all day tomorrow: <event#_title>{loc}", "tomorrow belongs to <event#_title>{loc}", "tomorrow, all day: <event#_title>{loc}",
    ];

    public static readonly string[] OnDay =
    [
        "<event#_title> on <event#_day> at <event#_time>{loc}", "next on the calendar: <event#_title>, <event#_day> at <event#_time>{loc}",
        "<event#_day> brings <event#_title> at <event#_time>{loc}", "on <event#_day> at <event#_time>: <event#_title>{loc}",
        "coming <event#_day>: <event#_title> at <event#_time>{loc}", "looking ahead to <event#_day>: <event#_title> at <event#_time>{loc}",
        .. Lead(DayLeads),
    ];

    public static readonly string[] AllDayOnDay =
    [
        "<event#_title> on <event#_day>{loc}", "<event#_day> is <event#_title>{loc}", "all day <event#_day>: <event#_title>{loc}",
        "on <event#_day>, <event#_title>{loc}", "coming <event#_day>: <event#_title>{loc}",
    ];

    public static readonly string[] Location = [", <event#_location>", " in <event#_location>", " at <event#_location>", " (<event#_location>)", ", over at <event#_location>"];

    public static readonly string[] NoneToday =
    [
        "nothing on the calendar today", "a free day on the calendar", "the calendar is clear", "no plans on the calendar",
        "an empty diary today", "no appointments today", "the day is yours", "nothing booked today", "a blank page of a day",
        "a wide open calendar",
    ];

    public static readonly string[] NoneNext =
    [
        "nothing else on the calendar", "your calendar is clear", "nothing coming up", "no more plans today",
        "the rest of the day is open", "nothing else booked", "free from here on", "an open stretch ahead",
    ];

    public static readonly string[] NoneTomorrow =
    [
        "nothing on the calendar tomorrow", "a clear calendar tomorrow", "tomorrow is free so far", "tomorrow's diary is empty",
        "no plans yet for tomorrow", "an open day tomorrow",
    ];

    private static IEnumerable<string> Lead(string[] leads) => leads.SelectMany(l => Cores.Select(c => l + " " + c));
}
