namespace Ambient.Language;

/// <summary>
/// Greeting openings per part of day and persona, best-liked first (the template takes the first one that did not
/// open a recent text). Each is a whole sentence; on the earbud its end mark becomes a comma. The lists are long and
/// use different words on purpose: the model imitates the teacher, and a handful of openings makes every text sound
/// the same.
/// </summary>
internal static class OpeningPhrases
{
    private static readonly Dictionary<(PartOfDay, Persona), string[]> WithName = new()
    {
        [(PartOfDay.Morning, Persona.Warm)] =
        [
            "Good morning, <name>.", "Morning, <name>.", "Hello <name>, good morning.", "Hi <name>, good morning.",
            "Good morning to you, <name>.", "Morning, <name>, I hope you slept well.", "Hello, <name>.",
            "A good morning to you, <name>.", "Hi <name>, a new day.", "Morning, <name>, nice to see you.",
            "Hi there, <name>.", "Hello again, <name>.", "Morning to you, <name>.", "Welcome to the day, <name>.",
            "A fresh start, <name>.", "Here's your morning, <name>.", "Hey <name>, morning.", "Hi <name>, here's today.",
            "Bright and early, <name>.", "Dear <name>, good morning.", "Morning has come, <name>.",
            "Up and about, <name>?", "Hello <name>, a new morning.", "A warm hello, <name>.", "Your morning note, <name>.",
            "Hi <name>, hope you rested.", "Good day ahead, <name>.", "Greetings, <name>.", "Rise gently, <name>.",
            "Coffee time, <name>.", "Easy start, <name>.",
            "Another morning, <name>.", "Sunrise hello, <name>.", "Fresh day, <name>.", "Hi <name>, morning news.",
            "Top of the day, <name>.", "Hello there, <name>, a new day.", "The day is here, <name>.", "Kind morning to you, <name>.",
            "Hi <name>, the day begins.", "Slept well, <name>?", "Ready when you are, <name>.", "Say hello to today, <name>.",
            "Early light, <name>.", "Today's note, <name>.", "Here we go, <name>.", "A calm start, <name>.", "Nice and early, <name>.",
            "Cheers, <name>, it's morning.", "Welcome back, <name>.", "Stretch and smile, <name>.", "Pleased to see you, <name>.",
            "Let's begin, <name>.", "A gentle morning, <name>.", "First light hello, <name>.", "Hi <name>, a quick start.",
        ],
        [(PartOfDay.Morning, Persona.Brief)] =
        [
            "Morning, <name>.", "<name>, good morning.", "Hi <name>.", "Good morning, <name>.", "Hello, <name>.",
            "Hey <name>.", "<name>, morning.", "Today, <name>.", "Quick one, <name>.", "Your day, <name>.",
            "For today, <name>.", "Morning note, <name>.", "Hi <name>, briefly.", "Day ahead, <name>.",
            "In short, <name>.", "The basics, <name>.", "Quick look, <name>.", "Today's list, <name>.", "Heads up, <name>.",
            "Short version, <name>.", "Hello <name>, in brief.", "Essentials, <name>.", "At a glance, <name>.", "Right then, <name>.",
            "<name>, today.", "Morning summary, <name>.", "Here's today, <name>.", "Daily note, <name>.",
        ],
        [(PartOfDay.Morning, Persona.Cheerful)] =
        [
            "Good morning, <name>!", "Rise and shine, <name>.", "Hey <name>, good morning!", "Top of the morning, <name>.",
            "A bright good morning, <name>.", "Hello hello, <name>.", "Morning, <name>, lovely to see you.",
            "Happy morning, <name>!", "Wakey wakey, <name>.", "Sunny hello, <name>!", "Morning, sunshine <name>.",
            "Hiya <name>, a brand new day!", "Good morning, good morning, <name>.", "What a day to start, <name>.",
            "Hello, early bird <name>.", "Up we get, <name>!", "Cheery morning, <name>.", "Ta-da, it's morning, <name>.",
            "Howdy, <name>.", "Off we go, <name>!", "Morning, <name>, let's do this.", "Big smile, <name>, it's morning.",
            "Yay, morning, <name>.", "Good morning, superstar <name>.", "Hello, sunshine, <name>.", "Bright start, <name>!",
            "Morning glory, <name>.", "Brand new day, <name>!", "Another great day, <name>.",
            "Whoop, it's morning, <name>.", "Sparkly morning, <name>.", "Let's go, <name>!", "Ahoy, <name>, it's morning.",
        ],
        [(PartOfDay.Afternoon, Persona.Warm)] =
        [
            "Good afternoon, <name>.", "Afternoon, <name>.", "Hello <name>, good afternoon.", "Hi <name>.",
            "Hi <name>, I hope the day is going well.", "Hello, <name>.", "Good afternoon to you, <name>.",
            "Hi there, <name>.", "Hello again, <name>.", "Halfway through, <name>.", "A midday hello, <name>.",
            "Hey <name>, afternoon.", "Afternoon to you, <name>.", "Hi <name>, a quick afternoon note.",
            "Hope lunch was nice, <name>.", "A warm hello, <name>.", "Here's the afternoon, <name>.",
            "Dear <name>, good afternoon.", "Greetings, <name>.", "Hi <name>, checking in.",
        ],
        [(PartOfDay.Afternoon, Persona.Brief)] =
        [
            "Afternoon, <name>.", "Hi <name>.", "<name>, good afternoon.", "Hello, <name>.", "Hey <name>.",
            "Quick one, <name>.", "For later, <name>.", "Briefly, <name>.",
        ],
        [(PartOfDay.Afternoon, Persona.Cheerful)] =
        [
            "Good afternoon, <name>!", "Hey <name>, happy afternoon.", "Hello there, <name>!", "Afternoon, <name>, nice to see you.",
            "Hiya <name>!", "Howdy, <name>.", "Sunny afternoon hello, <name>.", "Hello hello, <name>.",
            "Afternoon cheer for <name>!", "Hey hey, <name>.", "What a day, <name>.",
        ],
        [(PartOfDay.Evening, Persona.Warm)] =
        [
            "Good evening, <name>.", "Evening, <name>.", "Hello <name>, good evening.", "Hi <name>.",
            "Hi <name>, I hope today was kind to you.", "Hello, <name>.", "Good evening to you, <name>.",
            "Hi there, <name>.", "Hello again, <name>.", "Welcome home, <name>.", "A quiet evening hello, <name>.",
            "Evening to you, <name>.", "Hey <name>, evening.", "Time to wind down, <name>.", "Dear <name>, good evening.",
            "A warm hello, <name>.", "Here's the evening, <name>.", "Hi <name>, the day is nearly done.",
            "Greetings, <name>.", "Nice to see you home, <name>.", "Hi <name>, a calm evening note.",
            "Hello <name>, how was the day?", "Evening news, <name>.", "Hi <name>, day's end.",
            "Slippers on, <name>?", "Quiet hours, <name>.", "Hello, night-time <name>.", "Day done, <name>.",
            "Kettle on, <name>?", "Cosy hello, <name>.",
        ],
        [(PartOfDay.Evening, Persona.Brief)] =
        [
            "Evening, <name>.", "Hi <name>.", "<name>, good evening.", "Hello, <name>.", "Hey <name>.",
            "Quick one, <name>.", "Tonight, <name>.", "Briefly, <name>.",
        ],
        [(PartOfDay.Evening, Persona.Cheerful)] =
        [
            "Good evening, <name>!", "Hey <name>, happy evening.", "Evening, <name>, nice to see you.", "Hello there, <name>!",
            "Hiya <name>!", "Howdy, <name>.", "Welcome back, <name>!", "Hello hello, <name>.", "Cosy evening, <name>.",
            "Evening cheer for <name>!", "Hey hey, <name>.",
        ],
        [(PartOfDay.Night, Persona.Warm)] =
        [
            "Still up, <name>?", "Hi <name>, it's late.", "Late one, <name>?", "Hello <name>, a quiet hour.",
            "Hi <name>, a late hello.", "Night owl hours, <name>.", "A soft hello, <name>.", "Hello, <name>, it's quiet now.",
            "Burning the midnight oil, <name>?", "Hi <name>, the house is asleep.", "Late greetings, <name>.",
        ],
        [(PartOfDay.Night, Persona.Brief)] = ["Hi <name>.", "Late one, <name>?", "<name>, it's late.", "Hey <name>.", "Quick one, <name>."],
        [(PartOfDay.Night, Persona.Cheerful)] =
        [
            "Hello, night owl <name>.", "Hey <name>, still going?", "Hi <name>, a late hello!", "Midnight hello, <name>!",
            "Hey hey, <name>.", "Howdy, <name>.",
        ],
    };

    private static readonly Dictionary<PartOfDay, string[]> Nameless = new()
    {
        [PartOfDay.Morning] = ["Good morning.", "Morning.", "Hello, good morning.", "Hi there.", "A new day.", "Here's your morning.", "Morning, everyone."],
        [PartOfDay.Afternoon] = ["Good afternoon.", "Afternoon.", "Hello.", "Hi there.", "A midday hello.", "Here's the afternoon."],
        [PartOfDay.Evening] = ["Good evening.", "Evening.", "Hello.", "Hi there.", "Welcome home.", "Here's the evening."],
        [PartOfDay.Night] = ["Still up?", "Hello, it's late.", "A late hello.", "A quiet hello.", "Night owl hours."],
    };

    /// <summary>The openings for this sheet, best-liked first; earbud ones are short enough to lead a sentence.</summary>
    public static IReadOnlyList<string> For(FactSheet sheet)
    {
        var all = sheet.Has(SlotNames.Name) ? WithName[(sheet.PartOfDay, sheet.Persona)] : Nameless[sheet.PartOfDay];
        return sheet.Device == TargetDevice.Earbud ? [.. all.Where(o => o.Length <= 28)] : all;
    }
}
