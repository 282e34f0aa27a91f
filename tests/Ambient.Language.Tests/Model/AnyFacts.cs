using CsCheck;

namespace Ambient.Language.Tests.Model;

/// <summary>Odd facts of every shape (empty names, untitled events, unknown personas) (any intent and device, with and without weather, 0–4 events, plants, reminders).</summary>
internal static class AnyFacts
{
    private static readonly string[] People = ["Ana", "Bob", "Zoë", "Kwame", "Li", ""];
    private static readonly string[] Conditions = ["light rain", "clear sky", "overcast", "snow showers", "fog"];
    private static readonly string[] Titles = ["Dentist", "Standup", "Yoga", "Piano lesson", "Bins out", ""];
    private static readonly string[] Places = ["Main St", "Room 4", "the gym"];
    private static readonly string[] Plants = ["Fern", "Basil", "Monstera", "Cactus"];
    private static readonly string[] PersonaNames = ["warm", "brief", "cheerful", "unknown"];

    public static Gen<Facts> Gen { get; } = CsCheck.Gen.Int.Select(seed => Next(new Random(seed)));

    public static Facts Next(Random r)
    {
        var now = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(1)).AddMinutes(r.Next(24 * 60));
        WeatherFacts? weather = r.Next(4) == 0 ? null : new WeatherFacts(
            r.Next(-15, 36), r.Next(-10, 40), r.Next(-20, 25), Pick(r, Conditions),
            (Sky)r.Next(Enum.GetValues<Sky>().Length), r.Next(3) == 0 ? null : r.Next(101), IsStale: r.Next(8) == 0);
        var events = Enumerable.Range(0, r.Next(5)).Select(i => new EventFacts(
            Pick(r, Titles), now.AddMinutes(30 + r.Next(36 * 60)), IsAllDay: r.Next(5) == 0, r.Next(2) == 0 ? Pick(r, Places) : null)).ToList();
        var plants = Enumerable.Range(0, r.Next(4)).Select(i => new PlantFacts(
            Pick(r, Plants), (PlantMood)r.Next(Enum.GetValues<PlantMood>().Length), r.Next(2) == 0 ? r.Next(101) : null, r.Next(2) == 0 ? r.Next(15) : null)).ToList();
        var reminders = Enumerable.Range(0, r.Next(3)).Select(i => new ReminderFacts(
            Pick(r, Titles), now.AddMinutes(r.Next(120)), r.Next(2) == 0 ? Pick(r, Places) : null)).ToList();
        return new Facts(
            (Intent)r.Next(Enum.GetValues<Intent>().Length),
            Pick(r, People),
            now,
            weather,
            events,
            plants,
            reminders,
            (TargetDevice)r.Next(Enum.GetValues<TargetDevice>().Length),
            Pick(r, PersonaNames),
            r.Next(2) == 0 ? r.Next(15, 26) : null);
    }

    private static string Pick(Random r, string[] values) => values[r.Next(values.Length)];
}
