using System.Globalization;
using Ambient.Protocol;

namespace Ambient.Gateway.Greetings;

/// <summary>
/// The deterministic greeting: warm, brief, concrete, one section per kind of fact so the magnet can lay them
/// out. It is the fallback the language model (gateway/Ambient.Language, still to come) must beat, and what the
/// gateway sends until then. Pure: same facts, same text.
/// </summary>
public static class TemplateGreeting
{
    // Warm openings per part of day, in order of preference. The first one that did not open a recent greeting
    // is used, so today's text does not start the way yesterday's did.
    private static readonly Dictionary<string, Func<string, string>[]> Openings = new(StringComparer.Ordinal)
    {
        ["night"] = [p => $"Still up, {p}?", p => $"Hi {p}, it's late.", p => $"Late one, {p}?"],
        ["morning"] = [p => $"Good morning, {p}.", p => $"Morning, {p}.", p => $"Hello {p}, good morning."],
        ["afternoon"] = [p => $"Good afternoon, {p}.", p => $"Afternoon, {p}.", p => $"Hello {p}, good afternoon."],
        ["evening"] = [p => $"Good evening, {p}.", p => $"Evening, {p}.", p => $"Hello {p}, good evening."],
    };

    public static DisplayMessage Compose(GreetingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var sections = new List<DisplaySection> { new(LayoutHint.Greeting, Opening(facts)) };
        if (facts.Weather is { } weather)
        {
            sections.Add(new DisplaySection(LayoutHint.Weather, WeatherLine(weather, facts.IndoorCelsius)));
        }

        if (facts.NextEvents.Count > 0)
        {
            var next = facts.NextEvents[0];
            var when = next.IsAllDay ? "Today" : next.Start.ToString("H:mm", CultureInfo.InvariantCulture);
            sections.Add(new DisplaySection(LayoutHint.NextEvent, next.Location is null ? $"{when} {next.Title}" : $"{when} {next.Title}, {next.Location}"));
        }

        foreach (var plant in facts.PlantAlerts.Take(2))
        {
            sections.Add(new DisplaySection(LayoutHint.PlantAlert, PlantLine(plant)));
        }

        return new DisplayMessage { Sections = [.. sections] };
    }

    public static string PartOfDay(DateTimeOffset localTime) => localTime.Hour switch
    {
        < 5 => "night",
        < 12 => "morning",
        < 18 => "afternoon",
        _ => "evening",
    };

    /// <summary>
    /// The first phrasing that opened none of the recent texts; when all of them did, the one used longest ago
    /// (recent texts are newest first).
    /// </summary>
    private static string Opening(GreetingFacts facts)
    {
        var candidates = Openings[PartOfDay(facts.LocalTime)].Select(f => f(facts.Person)).ToList();
        var recent = facts.RecentTexts ?? [];
        int LastUse(string opening)
        {
            for (var i = 0; i < recent.Count; i++)
            {
                if (recent[i].StartsWith(opening, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return int.MaxValue;
        }

        return candidates.OrderByDescending(LastUse).First();
    }

    private static string WeatherLine(WeatherFacts w, int? indoorCelsius)
    {
        var line = $"{w.NowCelsius}° now, {w.Condition.ToLowerInvariant()}, {w.LowCelsius}–{w.HighCelsius}°";
        if (w.RainChancePercent is >= 40)
        {
            line += $", {w.RainChancePercent}% rain";
        }

        if (w.IsStale)
        {
            line += " (earlier forecast)";
        }

        // The gateway's own sensor: only ever passed in while its reading is fresh.
        return indoorCelsius is { } inside ? line + $", {inside}° inside" : line;
    }

    private static string PlantLine(PlantFacts plant) => plant.Condition switch
    {
        PlantCondition.Thirsty => plant.MoisturePercent is { } m ? $"The {plant.Name} would like water ({m}%)" : $"The {plant.Name} would like water",
        PlantCondition.Soggy => $"The {plant.Name} is wet enough for now",
        PlantCondition.TooDark => $"The {plant.Name} wants more light",
        PlantCondition.TooCold => $"The {plant.Name} is a little cold",
        PlantCondition.TooHot => $"The {plant.Name} is a little warm",
        _ => plant.DaysUntilDry is { } d ? $"The {plant.Name} is fine for {d} days" : $"The {plant.Name} is doing fine",
    };
}
