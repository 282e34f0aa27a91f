namespace Ambient.Language;

/// <summary>
/// Event clauses. '#' stands for the event's number; "{loc}" for an optional location suffix (absent when the
/// event has none). Today, tomorrow and later days have their own words, so the text never says "tomorrow" for
/// today's dentist.
/// </summary>
internal static class EventPhrases
{
    public static readonly string[] FirstToday =
    [
        "<event#_title> at <event#_time>{loc}", "<event#_title> is at <event#_time>{loc}", "<event#_title> starts at <event#_time>{loc}",
        "first up is <event#_title> at <event#_time>{loc}", "on the calendar: <event#_title> at <event#_time>{loc}",
        "you have <event#_title> at <event#_time>{loc}", "<event#_title> is coming up at <event#_time>{loc}",
        "at <event#_time> there's <event#_title>{loc}", "your first thing is <event#_title> at <event#_time>{loc}",
    ];

    public static readonly string[] MorningFirst = ["your day starts with <event#_title> at <event#_time>{loc}", "the day opens with <event#_title> at <event#_time>{loc}"];

    public static readonly string[] NextToday =
    [
        "next up: <event#_title> at <event#_time>{loc}", "<event#_title> is next, at <event#_time>{loc}",
        "coming up: <event#_title> at <event#_time>{loc}", "your next thing is <event#_title> at <event#_time>{loc}",
        "<event#_title> at <event#_time>{loc} is next",
    ];

    public static readonly string[] LaterToday =
    [
        "then <event#_title> at <event#_time>{loc}", "after that, <event#_title> at <event#_time>{loc}",
        "later, <event#_title> at <event#_time>{loc}", "<event#_title> follows at <event#_time>{loc}",
    ];

    public static readonly string[] AllDayToday = ["<event#_title> all day{loc}", "today is <event#_title>{loc}", "<event#_title> runs all day{loc}", "it's <event#_title> today{loc}"];

    public static readonly string[] FirstTomorrow =
    [
        "tomorrow starts with <event#_title> at <event#_time>{loc}", "<event#_title> tomorrow at <event#_time>{loc}",
        "first thing tomorrow: <event#_title> at <event#_time>{loc}", "tomorrow at <event#_time>, <event#_title>{loc}",
        "tomorrow brings <event#_title> at <event#_time>{loc}",
    ];

    public static readonly string[] LaterTomorrow = ["then <event#_title> tomorrow at <event#_time>{loc}", "and tomorrow <event#_title> at <event#_time>{loc}"];

    public static readonly string[] AllDayTomorrow = ["tomorrow is <event#_title>{loc}", "<event#_title> all day tomorrow{loc}", "<event#_title> takes up tomorrow{loc}"];

    public static readonly string[] OnDay =
    [
        "<event#_title> on <event#_day> at <event#_time>{loc}", "next on the calendar: <event#_title>, <event#_day> at <event#_time>{loc}",
        "<event#_day> brings <event#_title> at <event#_time>{loc}",
    ];

    public static readonly string[] AllDayOnDay = ["<event#_title> on <event#_day>{loc}", "<event#_day> is <event#_title>{loc}"];

    public static readonly string[] Location = [", <event#_location>", " (<event#_location>)", " in <event#_location>"];

    public static readonly string[] NoneToday =
    [
        "nothing on the calendar today", "a free day on the calendar", "the calendar is clear", "no plans on the calendar",
    ];

    public static readonly string[] NoneNext =
    [
        "nothing else on the calendar", "your calendar is clear", "nothing coming up", "no more plans today",
    ];

    public static readonly string[] NoneTomorrow = ["nothing on the calendar tomorrow", "a clear calendar tomorrow", "tomorrow is free so far"];
}
