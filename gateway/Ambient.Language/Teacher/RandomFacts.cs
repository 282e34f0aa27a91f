namespace Ambient.Language;

/// <summary>
/// Random but plausible <see cref="Facts"/> for the teacher corpus and the property tests: every intent and
/// device, names from plain to unusual (accents, apostrophes, hyphens, non-Latin, too long), temperatures from
/// −30 to 45, zero to five events and plants, all-day and located events, stale forecasts.
/// </summary>
public static class RandomFacts
{
    private static readonly string[] Names =
    [
        "Ana", "Bob", "Mia", "Sam", "Lea", "Tom", "Zoë", "Siobhán", "O'Neill", "Jean-Luc", "Nguyễn Thị Minh", "Ólafur",
        "Łukasz", "D'Artagnan", "Anne Marie", "李小龙", "Kwame", "Aroha", "Mx Kim", "José María", "Søren", "Chidi",
        "Bartholomew-Fitzgerald", "Maximilian Alexander von Hohenberg", "Al", "Jo", "Priya", "Yusuf", "Ngozi", "Émile",
        "Dr. Watson", "Ævar", "Ümit", "Frida", "Grandma",
    ];

    private static readonly Dictionary<Sky, string[]> Conditions = new()
    {
        [Sky.Unknown] = ["Unknown", "Mixed"],
        [Sky.Clear] = ["Clear", "Sunny", "Mostly sunny", "Clear sky"],
        [Sky.Cloudy] = ["Cloudy", "Overcast", "Partly cloudy", "Mainly cloudy with bright spells"],
        [Sky.Fog] = ["Fog", "Mist", "Freezing fog"],
        [Sky.Drizzle] = ["Drizzle", "Light drizzle", "Dense drizzle"],
        [Sky.Rain] = ["Rain", "Light rain", "Heavy rain", "Showers", "Violent rain showers"],
        [Sky.FreezingRain] = ["Freezing rain", "Freezing drizzle"],
        [Sky.Snow] = ["Snow", "Light snow", "Heavy snow", "Snow grains"],
        [Sky.Thunderstorm] = ["Thunderstorm", "Thunderstorm with hail", "Thunderstorm with slight hail"],
    };

    private static readonly string[] Titles =
    [
        "Dentist", "Team standup", "Yoga", "School run", "Piano lesson", "Lunch with Sam", "Doctor", "Bin day",
        "Football practice", "Book club", "Parents' evening", "Dinner at Mum's", "Flight LH 2041 to Lisbon", "Gym",
        "Quarterly planning review with the whole regional team", "Haircut", "Vet", "Birthday party", "Call Grandma",
        "Café", "Rehearsal", "Swimming", "Zoë's recital", "Parent-teacher meeting", "Car service", "Holiday",
        "Bank holiday", "Conference day 2", "",
    ];

    private static readonly string[] Locations =
    [
        "Room 4", "Main Street", "the library", "Town Hall", "Dr Patel's surgery", "Gym", "Café Nero", "Zoom",
        "Platform 9", "Kindergarten Sonnenschein, Hauptstraße 12", "Home",
    ];

    private static readonly string[] Plants =
    [
        "Fern", "Basil", "Monstera", "Ficus", "Aloe", "Mint", "Cactus", "Orchid", "Pothos", "Big fern", "Kitchen basil",
        "Olive tree", "Calathea Orbifolia", "Grandma's geranium", "Chilli", "Ivy",
    ];

    private static readonly string[] ReminderTitles =
    [
        "Dentist", "Take the bins out", "Pick up the kids", "Medication", "Call the plumber", "Bus to town",
        "Water the garden", "Video call with Grandpa Joe and the cousins", "Yoga", "Parcel pickup", "Vet",
    ];

    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(-5), new(5, 30, 0), TimeSpan.FromHours(12)];

    public static Facts Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var intent = Pick(random, Enum.GetValues<Intent>());
        var local = LocalTime(random, intent);
        var weather = random.NextDouble() < 0.85 ? Weather(random) : null;
        return new Facts(
            intent,
            random.NextDouble() < 0.03 ? "" : Pick(random, Names),
            local,
            weather,
            Events(random, intent, local),
            PlantList(random, intent),
            Reminders(random, intent, local),
            Pick(random, Enum.GetValues<TargetDevice>()),
            random.NextDouble() switch { < 0.6 => "warm", < 0.8 => "brief", < 0.97 => "cheerful", _ => "pirate" },
            random.NextDouble() < 0.4 ? random.Next(12, 31) : null);
    }

    private static DateTimeOffset LocalTime(Random random, Intent intent)
    {
        var hour = intent switch
        {
            Intent.MorningGreeting => random.NextDouble() < 0.85 ? random.Next(5, 12) : random.Next(0, 24),
            Intent.EveningSummary => random.NextDouble() < 0.85 ? random.Next(17, 24) : random.Next(0, 24),
            _ => random.Next(0, 24),
        };
        var day = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(random.Next(0, 365));
        return new DateTimeOffset(day.AddHours(hour).AddMinutes(random.Next(0, 60)), Pick(random, Offsets));
    }

    private static WeatherFacts Weather(Random random)
    {
        var sky = Pick(random, Enum.GetValues<Sky>());
        var now = random.NextDouble() < 0.1 ? Pick(random, new[] { -30, -29, 44, 45, 0, -1 }) : random.Next(-30, 46);
        var low = Math.Max(-40, now - random.Next(0, 12));
        var high = Math.Min(50, now + random.Next(0, 12));
        return new WeatherFacts(now, high, low, Pick(random, Conditions[sky]), sky,
            random.NextDouble() < 0.75 ? random.Next(0, 101) : null, random.NextDouble() < 0.1);
    }

    private static List<EventFacts> Events(Random random, Intent intent, DateTimeOffset local)
    {
        var count = random.NextDouble() < 0.05 ? random.Next(4, 6) : random.Next(0, 4);
        var events = new List<EventFacts>();
        var start = local;
        for (var i = 0; i < count; i++)
        {
            // Evenings look ahead to tomorrow; otherwise most events are later today, some days away.
            var minutes = intent == Intent.EveningSummary && i == 0 ? random.Next(8 * 60, 36 * 60) : random.Next(5, random.NextDouble() < 0.8 ? 8 * 60 : 4 * 24 * 60);
            start = start.AddMinutes(minutes);
            var allDay = random.NextDouble() < 0.15;
            var at = allDay ? new DateTimeOffset(start.Date, start.Offset) : new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute / 5 * 5, 0, start.Offset);
            events.Add(new EventFacts(Pick(random, Titles), at, allDay, random.NextDouble() < 0.4 ? Pick(random, Locations) : null));
        }

        return events;
    }

    private static List<PlantFacts> PlantList(Random random, Intent intent)
    {
        var count = intent == Intent.PlantReport ? random.Next(0, 6) : random.Next(0, 4);
        var plants = new List<PlantFacts>();
        for (var i = 0; i < count; i++)
        {
            // A household names each plant once ("Kitchen basil" twice reads as a mistake in every text about it).
            var name = Pick(random, Plants);
            while (plants.Exists(p => p.Name == name))
            {
                name = Pick(random, Plants);
            }

            plants.Add(new PlantFacts(name, Pick(random, Enum.GetValues<PlantMood>()),
                random.NextDouble() < 0.6 ? random.Next(0, 101) : null, random.NextDouble() < 0.4 ? random.Next(0, 15) : null));
        }

        return plants;
    }

    private static List<ReminderFacts> Reminders(Random random, Intent intent, DateTimeOffset local)
    {
        var count = intent == Intent.Reminder ? (random.NextDouble() < 0.95 ? random.Next(1, 3) : 0) : (random.NextDouble() < 0.2 ? 1 : 0);
        var reminders = new List<ReminderFacts>();
        for (var i = 0; i < count; i++)
        {
            var at = local.AddMinutes(random.Next(1, 19) * 5);
            reminders.Add(new ReminderFacts(Pick(random, ReminderTitles), at.AddSeconds(-at.Second), random.NextDouble() < 0.4 ? Pick(random, Locations) : null));
        }

        return reminders;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> options) => options[random.Next(options.Count)];
}
