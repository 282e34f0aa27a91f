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
    public static DisplayMessage Compose(GreetingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var sections = new List<DisplaySection> { new(LayoutHint.Greeting, Opening(facts)) };
        if (facts.Weather is { } weather)
        {
            sections.Add(new DisplaySection(LayoutHint.Weather, WeatherLine(weather)));
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

    private static string Opening(GreetingFacts facts) => PartOfDay(facts.LocalTime) switch
    {
        "night" => $"Still up, {facts.Person}?",
        "morning" => $"Good morning, {facts.Person}.",
        "afternoon" => $"Good afternoon, {facts.Person}.",
        _ => $"Good evening, {facts.Person}.",
    };

    private static string WeatherLine(WeatherFacts w)
    {
        var line = $"{w.NowCelsius}° now, {w.Condition.ToLowerInvariant()}, {w.LowCelsius}–{w.HighCelsius}°";
        if (w.RainChancePercent is >= 40)
        {
            line += $", {w.RainChancePercent}% rain";
        }

        return w.IsStale ? line + " (earlier forecast)" : line;
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
