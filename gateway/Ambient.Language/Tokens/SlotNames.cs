namespace Ambient.Language;

/// <summary>
/// The slot placeholders, in their stable order (README §1). The model and the grammar write these instead of
/// values; <see cref="SlotFiller"/> puts the values back. Order matters: it is the order of the
/// <c>&lt;has:…&gt;</c> tokens in a prompt and of the slot tokens in <see cref="SpecialTokens.All"/>.
/// </summary>
public static class SlotNames
{
    public const string Name = "<name>";
    public const string TempNow = "<temp_now>";
    public const string TempHigh = "<temp_high>";
    public const string TempLow = "<temp_low>";
    public const string Condition = "<condition>";
    public const string RainChance = "<rain_chance>";
    public const string IndoorTemp = "<indoor_temp>";
    public const string ReminderTitle = "<reminder_title>";
    public const string ReminderTime = "<reminder_time>";
    public const string ReminderLocation = "<reminder_location>";

    /// <summary>How many events, plants are given slots (the rest are only counted in the prompt).</summary>
    public const int MaxEvents = 3;

    public const int MaxPlants = 3;

    public static string EventTitle(int n) => $"<event{Check(n, MaxEvents)}_title>";

    public static string EventTime(int n) => $"<event{Check(n, MaxEvents)}_time>";

    public static string EventLocation(int n) => $"<event{Check(n, MaxEvents)}_location>";

    /// <summary>The weekday of an event that starts after tomorrow ("Friday"); absent for today and tomorrow.</summary>
    public static string EventDay(int n) => $"<event{Check(n, MaxEvents)}_day>";

    public static string PlantName(int n) => $"<plant{Check(n, MaxPlants)}_name>";

    public static string PlantMoisture(int n) => $"<plant{Check(n, MaxPlants)}_moisture>";

    public static string PlantDays(int n) => $"<plant{Check(n, MaxPlants)}_days>";

    /// <summary>Every slot token, stable order.</summary>
    public static IReadOnlyList<string> All { get; } = BuildAll();

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsSlot(string token) => Known.Contains(token);

    /// <summary>"&lt;temp_now&gt;" → "temp_now", for the <c>&lt;has:…&gt;</c> tokens.</summary>
    public static string Bare(string slot) => slot[1..^1];

    private static string[] BuildAll()
    {
        var all = new List<string> { Name, TempNow, TempHigh, TempLow, Condition, RainChance, IndoorTemp };
        for (var i = 1; i <= MaxEvents; i++)
        {
            all.AddRange([EventTitle(i), EventTime(i), EventLocation(i), EventDay(i)]);
        }

        for (var i = 1; i <= MaxPlants; i++)
        {
            all.AddRange([PlantName(i), PlantMoisture(i), PlantDays(i)]);
        }

        all.AddRange([ReminderTitle, ReminderTime, ReminderLocation]);
        return [.. all];
    }

    private static int Check(int n, int max) =>
        n >= 1 && n <= max ? n : throw new ArgumentOutOfRangeException(nameof(n), n, $"Slots are numbered 1..{max}.");
}
