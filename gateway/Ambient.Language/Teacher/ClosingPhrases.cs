namespace Ambient.Language;

/// <summary>Optional last sentences per part of day; the cheerful persona may spend its one '!' here.</summary>
internal static class ClosingPhrases
{
    public static IReadOnlyList<string> For(PartOfDay part, Persona persona) => (part, persona) switch
    {
        (PartOfDay.Morning, Persona.Cheerful) =>
        [
            "Have a great day!", "Go well today!", "Enjoy every bit of it.", "Make it a good one!", "Off you go, have fun!",
            "Sending sunny vibes.", "Have a brilliant one!", "Enjoy the ride today.",
        ],
        (PartOfDay.Morning, _) =>
        [
            "Have a good day.", "Enjoy your day.", "Have a lovely morning.", "Take it easy today.", "Go gently today.",
            "Wishing you a calm day.", "All the best for today.", "One step at a time.", "Have a nice one.",
            "See you later.", "Enjoy your coffee.", "Take care out there.", "Here's to a good day.", "Breathe easy.",
            "Small steps, good day.", "Wishing you an easy morning.", "Off you go, gently.", "Make room for a nice moment.",
            "Hope it treats you kindly.", "Warm wishes for the day.",
        ],
        (PartOfDay.Afternoon, Persona.Cheerful) => ["Enjoy the afternoon!", "Have a lovely rest of the day!", "Keep smiling!", "Onwards!"],
        (PartOfDay.Afternoon, _) =>
        [
            "Enjoy the rest of the day.", "Have a good afternoon.", "Take it easy.", "Pause for a tea if you can.",
            "Go gently.", "See you later.", "All the best.", "Have a calm afternoon.",
        ],
        (PartOfDay.Evening, Persona.Cheerful) => ["Have a lovely evening!", "Enjoy your evening!", "Put your feet up!", "Cosy times ahead!"],
        (PartOfDay.Evening, _) =>
        [
            "Have a calm evening.", "Sleep well later.", "Rest well.", "Enjoy the evening.", "Put your feet up.",
            "Time to unwind.", "Good night when it comes.", "Sweet dreams later.", "Take it slow tonight.",
            "Have a cosy night.", "Rest up.", "Enjoy the quiet.", "Wishing you a peaceful night.", "Slow down and unwind.",
            "Time for a cuppa, perhaps.", "Feet up for a bit.", "A calm night to you.", "Tuck in soon.",
        ],
        (_, Persona.Cheerful) => ["Sweet dreams when you get there!", "Rest well!", "Sleep tight!"],
        _ => ["Sleep well when you get there.", "Rest well.", "Go gently.", "Good night.", "Sleep tight.", "Rest easy."],
    };
}
