namespace Ambient.Language;

/// <summary>
/// Greeting openings per part of day and persona, best-liked first (the template takes the first one that did not
/// open a recent text). Each is a whole sentence; on the earbud its end mark becomes a comma.
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
        ],
        [(PartOfDay.Morning, Persona.Brief)] = ["Morning, <name>.", "<name>, good morning.", "Hi <name>.", "Good morning, <name>."],
        [(PartOfDay.Morning, Persona.Cheerful)] =
        [
            "Good morning, <name>!", "Rise and shine, <name>.", "Hey <name>, good morning!", "Top of the morning, <name>.",
            "A bright good morning, <name>.", "Hello hello, <name>.", "Morning, <name>, lovely to see you.",
        ],
        [(PartOfDay.Afternoon, Persona.Warm)] =
        [
            "Good afternoon, <name>.", "Afternoon, <name>.", "Hello <name>, good afternoon.", "Hi <name>.",
            "Hi <name>, I hope the day is going well.", "Hello, <name>.", "Good afternoon to you, <name>.",
        ],
        [(PartOfDay.Afternoon, Persona.Brief)] = ["Afternoon, <name>.", "Hi <name>.", "<name>, good afternoon."],
        [(PartOfDay.Afternoon, Persona.Cheerful)] =
        [
            "Good afternoon, <name>!", "Hey <name>, happy afternoon.", "Hello there, <name>!", "Afternoon, <name>, nice to see you.",
        ],
        [(PartOfDay.Evening, Persona.Warm)] =
        [
            "Good evening, <name>.", "Evening, <name>.", "Hello <name>, good evening.", "Hi <name>.",
            "Hi <name>, I hope today was kind to you.", "Hello, <name>.", "Good evening to you, <name>.",
        ],
        [(PartOfDay.Evening, Persona.Brief)] = ["Evening, <name>.", "Hi <name>.", "<name>, good evening."],
        [(PartOfDay.Evening, Persona.Cheerful)] =
        [
            "Good evening, <name>!", "Hey <name>, happy evening.", "Evening, <name>, nice to see you.", "Hello there, <name>!",
        ],
        [(PartOfDay.Night, Persona.Warm)] =
        [
            "Still up, <name>?", "Hi <name>, it's late.", "Late one, <name>?", "Hello <name>, a quiet hour.",
            "Hi <name>, a late hello.",
        ],
        [(PartOfDay.Night, Persona.Brief)] = ["Hi <name>.", "Late one, <name>?", "<name>, it's late."],
        [(PartOfDay.Night, Persona.Cheerful)] = ["Hello, night owl <name>.", "Hey <name>, still going?", "Hi <name>, a late hello!"],
    };

    private static readonly Dictionary<PartOfDay, string[]> Nameless = new()
    {
        [PartOfDay.Morning] = ["Good morning.", "Morning.", "Hello, good morning."],
        [PartOfDay.Afternoon] = ["Good afternoon.", "Afternoon.", "Hello."],
        [PartOfDay.Evening] = ["Good evening.", "Evening.", "Hello."],
        [PartOfDay.Night] = ["Still up?", "Hello, it's late.", "A late hello."],
    };

    /// <summary>The openings for this sheet, best-liked first; earbud ones are short enough to lead a sentence.</summary>
    public static IReadOnlyList<string> For(FactSheet sheet)
    {
        var all = sheet.Has(SlotNames.Name) ? WithName[(sheet.PartOfDay, sheet.Persona)] : Nameless[sheet.PartOfDay];
        return sheet.Device == TargetDevice.Earbud ? [.. all.Where(o => o.Length <= 26)] : all;
    }
}
