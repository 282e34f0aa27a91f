namespace Ambient.Language.Tests;

/// <summary>Hand-made facts for the example tests; the property tests use <see cref="RandomFacts"/>.</summary>
internal static class TestFacts
{
    public static readonly DateTimeOffset Morning = new(2026, 11, 30, 7, 15, 0, TimeSpan.FromHours(1));

    public static WeatherFacts Rainy { get; } = new(7, 11, 4, "Light rain", Sky.Rain, 80);

    public static Facts Greeting(
        Intent intent = Intent.MorningGreeting,
        TargetDevice target = TargetDevice.Dashboard,
        string person = "Ana",
        WeatherFacts? weather = null,
        IReadOnlyList<EventFacts>? events = null,
        IReadOnlyList<PlantFacts>? plants = null,
        IReadOnlyList<ReminderFacts>? reminders = null,
        DateTimeOffset? at = null,
        IReadOnlyList<string>? recent = null,
        string persona = "warm") =>
        new(intent, person, at ?? Morning, weather, events ?? [], plants ?? [], reminders ?? [], target, persona, null, recent);

    public static EventFacts Dentist(int hour = 9, int minute = 30, string? location = null) =>
        new("Dentist", new DateTimeOffset(2026, 11, 30, hour, minute, 0, TimeSpan.FromHours(1)), false, location);

    /// <summary>Everything as long and as many as the facts allow: the magnet's worst day.</summary>
    public static Facts Extreme(Intent intent, TargetDevice target, string persona = "warm")
    {
        var later = Morning.AddDays(3);
        var title = "Quarterly planning review with the whole regional team";
        var place = "Kindergarten Sonnenschein, Hauptstraße 12";
        return new Facts(
            intent,
            "Maximilian Alexander von Hohenberg-Fitzgerald",
            Morning,
            new WeatherFacts(-30, 45, -30, "Thunderstorm with slight hail and freezing fog", Sky.Thunderstorm, 100, IsStale: true),
            [new(title, later, false, place), new(title, later.AddHours(1), false, place), new(title, later.AddDays(1), true, place)],
            [new("Calathea Orbifolia Grandiflora", PlantMood.TooHot, 100, 14), new("Grandma's geranium", PlantMood.Thirsty, 0, 0), new("Kitchen basil", PlantMood.TooDark, 55, 3)],
            [new("Video call with Grandpa Joe and the cousins", Morning.AddMinutes(25), place)],
            target,
            persona,
            -40);
    }
}
