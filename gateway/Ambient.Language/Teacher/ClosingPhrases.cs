namespace Ambient.Language;

/// <summary>Optional last sentences per part of day; the cheerful persona may spend its one '!' here.</summary>
internal static class ClosingPhrases
{
    public static IReadOnlyList<string> For(PartOfDay part, Persona persona) => (part, persona) switch
    {
        (PartOfDay.Morning, Persona.Cheerful) => ["Have a great day!", "Go well today!", "Enjoy every bit of it."],
        (PartOfDay.Morning, _) => ["Have a good day.", "Enjoy your day.", "Have a lovely morning.", "Take it easy today."],
        (PartOfDay.Afternoon, Persona.Cheerful) => ["Enjoy the afternoon!", "Have a lovely rest of the day!"],
        (PartOfDay.Afternoon, _) => ["Enjoy the rest of the day.", "Have a good afternoon.", "Take it easy."],
        (PartOfDay.Evening, Persona.Cheerful) => ["Have a lovely evening!", "Enjoy your evening!"],
        (PartOfDay.Evening, _) => ["Have a calm evening.", "Sleep well later.", "Rest well.", "Enjoy the evening."],
        (_, Persona.Cheerful) => ["Sweet dreams when you get there!", "Rest well!"],
        _ => ["Sleep well when you get there.", "Rest well.", "Go gently."],
    };
}
