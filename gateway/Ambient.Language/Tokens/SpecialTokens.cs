namespace Ambient.Language;

/// <summary>
/// Every special token the tokenizer keeps whole: the control tokens a prompt is made of (categories only, never
/// values) and the slot placeholders. <see cref="All"/> is written to special-tokens.txt by the teacher; its order
/// fixes the tokenizer ids (README §3), so new tokens are only ever appended to a group's end — never reordered.
/// </summary>
public static class SpecialTokens
{
    public static string Intent(Intent intent) => intent switch
    {
        Language.Intent.MorningGreeting => "<intent:morning>",
        Language.Intent.PlantReport => "<intent:plants>",
        Language.Intent.Reminder => "<intent:reminder>",
        Language.Intent.EveningSummary => "<intent:evening>",
        Language.Intent.WhatsNext => "<intent:next>",
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, null),
    };

    public static string Device(TargetDevice device) => device switch
    {
        TargetDevice.Magnet => "<dev:magnet>",
        TargetDevice.Earbud => "<dev:earbud>",
        TargetDevice.Dashboard => "<dev:dashboard>",
        _ => throw new ArgumentOutOfRangeException(nameof(device), device, null),
    };

    public static string PartOfDay(PartOfDay part) => $"<pod:{Lower(part)}>";

    public static string Persona(Persona persona) => $"<persona:{Lower(persona)}>";

    public static string Sky(Sky sky) => $"<sky:{Lower(sky)}>";

    public static string Temperature(TemperatureBand band) => $"<temp:{Lower(band)}>";

    /// <summary>Rain chance of 40% or more (the old template's threshold for mentioning it).</summary>
    public const string RainLikely = "<rain:likely>";

    /// <summary>The weather is the last forecast kept while offline: say so.</summary>
    public const string Stale = "<stale>";

    public static string EventCount(int count) => $"<events:{Math.Clamp(count, 0, SlotNames.MaxEvents)}>";

    public static string PlantCount(int count) => $"<plants:{Math.Clamp(count, 0, SlotNames.MaxPlants)}>";

    public static string ReminderCount(int count) => $"<reminders:{Math.Clamp(count, 0, 2)}>";

    /// <summary>Event n has no time: it lasts all day (so there is no <c>&lt;eventN_time&gt;</c>).</summary>
    public static string EventAllDay(int n) => $"<event{n}:allday>";

    /// <summary>Event n starts tomorrow (local time).</summary>
    public static string EventTomorrow(int n) => $"<event{n}:tomorrow>";

    /// <summary>Event n starts after tomorrow; its weekday is the <c>&lt;eventN_day&gt;</c> slot.</summary>
    public static string EventLaterDay(int n) => $"<event{n}:later>";

    /// <summary>
    /// Plant n's mood is two tokens, "&lt;plant:n&gt; &lt;mood:m&gt;", not one per (plant, mood): the model then learns
    /// each mood's words once for every plant, so a pair it never saw in training (plant 3 too hot) is still written
    /// right. One token per pair left such a pair's phrasing to chance (18.5 % template fallback on held-out).
    /// </summary>
    public static IReadOnlyList<string> PlantMood(int n, PlantMood mood) => [PlantIndex(n), Mood(mood)];

    public static string PlantIndex(int n) => $"<plant:{n}>";

    public static string Mood(PlantMood mood) => $"<mood:{Lower(mood)}>";

    /// <summary>"&lt;has:temp_now&gt;" for the slot "&lt;temp_now&gt;".</summary>
    public static string Has(string slot) => $"<has:{SlotNames.Bare(slot)}>";

    /// <summary>All control tokens, then all slot tokens; stable order.</summary>
    public static IReadOnlyList<string> All { get; } = BuildAll();

    /// <summary>Only the control tokens (what a prompt may contain).</summary>
    public static IReadOnlyList<string> Control { get; } = [.. BuildControl()];

    private static readonly HashSet<string> KnownSet = new(BuildAll(), StringComparer.Ordinal);

    public static bool IsKnown(string token) => KnownSet.Contains(token);

    private static string[] BuildAll() => [.. BuildControl(), .. SlotNames.All];

    private static List<string> BuildControl()
    {
        var all = new List<string>();
        all.AddRange(Enum.GetValues<Intent>().Select(Intent));
        all.AddRange(Enum.GetValues<TargetDevice>().Select(Device));
        all.AddRange(Enum.GetValues<PartOfDay>().Select(PartOfDay));
        all.AddRange(Enum.GetValues<Persona>().Select(Persona));
        all.AddRange(Enum.GetValues<Sky>().Select(Sky));
        all.AddRange(Enum.GetValues<TemperatureBand>().Select(Temperature));
        all.Add(RainLikely);
        all.Add(Stale);
        // The order a prompt lists them in (FactSheets.From): counts, then what they count.
        for (var i = 0; i <= SlotNames.MaxEvents; i++)
        {
            all.Add(EventCount(i));
        }

        for (var n = 1; n <= SlotNames.MaxEvents; n++)
        {
            all.Add(EventAllDay(n));
            all.Add(EventTomorrow(n));
            all.Add(EventLaterDay(n));
        }

        for (var i = 0; i <= SlotNames.MaxPlants; i++)
        {
            all.Add(PlantCount(i));
        }

        for (var n = 1; n <= SlotNames.MaxPlants; n++)
        {
            all.Add(PlantIndex(n));
        }

        all.AddRange(Enum.GetValues<PlantMood>().Select(Mood));

        for (var i = 0; i <= 2; i++)
        {
            all.Add(ReminderCount(i));
        }

        all.AddRange(SlotNames.All.Select(Has));
        return all;
    }

    // Token names are lower-case words ("<sky:freezingrain>", "<mood:toodark>"): no separators to confuse the
    // tokenizer's pre-split, and stable even if an enum member is renamed only in case.
    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
